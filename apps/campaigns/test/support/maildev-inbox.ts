
export interface ReceivedEmail {
  readonly to: string;
  /** Every address the message was delivered to (SMTP envelope), not only the first `To`. */
  readonly recipients: readonly string[];
  readonly listUnsubscribe: string;
  readonly listUnsubscribePost: string;
  readonly subject: string;
  readonly text: string;
  /** The HTML part (#25); empty when the message has none. */
  readonly html: string;
  /** The message's own Content-Type (multipart/alternative when it has a text and an HTML part). */
  readonly contentType: string;
  readonly messageId: string;
  readonly campaignId: string;
  readonly kind: string;
  readonly customerId: string;
  readonly cartId: string;
  readonly dueAt: string;
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** maildev's REST API (`GET /email`): every message it received, read back by tests. */
export async function receivedEmails(campaignIds: readonly string[]): Promise<readonly ReceivedEmail[]> {
  const apiUrl = process.env['MAILDEV_API_URL'] ?? 'http://127.0.0.1:1080';
  const response = await fetch(`${apiUrl}/email`);
  if (!response.ok) throw new Error(`maildev answered ${response.status}`);
  const all: unknown = await response.json();
  if (!Array.isArray(all)) throw new Error('maildev did not answer a list');
  return all
    .map((message: unknown): ReceivedEmail => {
      const headers = field(message, 'headers');
      const header = (name: string): string => text(field(headers, name));
      const to = field(message, 'to');
      const envelopeTo = field(field(message, 'envelope'), 'to');
      return {
        to: Array.isArray(to) ? text(field(to[0], 'address')) : '',
        recipients: Array.isArray(envelopeTo) ? envelopeTo.map((recipient: unknown) => text(field(recipient, 'address'))) : [],
        listUnsubscribe: header('list-unsubscribe'),
        listUnsubscribePost: header('list-unsubscribe-post'),
        subject: text(field(message, 'subject')),
        text: text(field(message, 'text')),
        html: text(field(message, 'html')),
        contentType: header('content-type'),
        messageId: header('message-id'),
        campaignId: header('x-campaign-id'),
        kind: header('x-campaign-kind'),
        customerId: header('x-customer-id'),
        cartId: header('x-cart-id'),
        dueAt: header('x-due-at'),
      };
    })
    .filter((email) => campaignIds.includes(email.campaignId));
}

/** Deletes this test's messages from maildev, so the shared inbox does not grow run after run. */
export async function deleteReceived(campaignIds: readonly string[]): Promise<void> {
  const apiUrl = process.env['MAILDEV_API_URL'] ?? 'http://127.0.0.1:1080';
  const all: unknown = await (await fetch(`${apiUrl}/email`)).json();
  if (!Array.isArray(all)) return;
  for (const message of all) {
    const id = field(message, 'id');
    if (campaignIds.includes(text(field(field(message, 'headers'), 'x-campaign-id'))) && typeof id === 'string') {
      await fetch(`${apiUrl}/email/${encodeURIComponent(id)}`, { method: 'DELETE' });
    }
  }
}
