import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One message as the SMTP server received it. */
export interface RecordedMessage {
  readonly messageId: string;
  readonly customerId: string;
  readonly dueAt: string;
}

export interface SmtpRecorder {
  readonly url: string;
  /** Every message accepted so far, in the order the server accepted them. */
  messages(): readonly RecordedMessage[];
  close(): Promise<void>;
}

/** The unfolded header of a raw message (RFC 5322 §2.2.3), or '' when absent. */
function header(raw: string, name: string): string {
  const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const line = unfolded.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line === undefined ? '' : line.slice(name.length + 1).trim();
}

/**
 * A real SMTP server of the test's own (npm `smtp-server`, the one maildev is built on) that records what
 * it accepts: counts stay exact whatever else the shared maildev receives. `replyDelayMs` holds each
 * message's 250 reply that long, as a slow relay does, so sends are in flight when a test kills a sender.
 */
export async function startSmtpRecorder(options: { readonly replyDelayMs?: number } = {}): Promise<SmtpRecorder> {
  const received: RecordedMessage[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const accept = (): void => {
          received.push({ messageId: header(raw, 'Message-ID'), customerId: header(raw, 'X-Customer-Id'), dueAt: header(raw, 'X-Due-At') });
          callback();
        };
        if (options.replyDelayMs === undefined) accept();
        else setTimeout(accept, options.replyDelayMs);
      });
    },
  });
  // A sender SIGKILLed mid-conversation resets its connection (read ECONNRESET): smtp-server emits that as an
  // 'error', which unhandled would fail the test that killed it on purpose. Only accepted messages count.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages: () => [...received],
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
