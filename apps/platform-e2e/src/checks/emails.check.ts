import type { AnswerOf, CampaignsClient, CampaignsPaths } from '@promo/client';
import type { ExpectedOutcomes } from '../stream/expected-outcomes';
import { type CheckResult, compare, compareSets } from './check-result';
import { allPages } from './items-of';

/** One email as campaigns' `GET /v1/emails` lists it (its OpenAPI document). */
export type SentEmail = AnswerOf<CampaignsPaths, 'get', '/v1/emails'>['items'][number];

export interface InboxEmail {
  readonly id?: string;
  readonly to?: readonly { readonly address: string }[];
  readonly subject?: string;
  /** The text part, and the HTML part (#25) of a multipart/alternative message; maildev leaves a missing one out. */
  readonly text?: string;
  readonly html?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

const iso = (at: string) => new Date(at).toISOString();

/** K1/K2/K4: exactly the expected abandoned-cart and retention emails, as the service and the SMTP inbox see them. */
export async function checkEmails(expected: ExpectedOutcomes, campaigns: CampaignsClient, maildevUrl: string): Promise<CheckResult[]> {
  const sent = await allPages((cursor) => campaigns.get('/v1/emails', { query: { limit: 500, ...(cursor === undefined ? {} : { cursor }) } }));
  const abandoned = sent.filter((e) => e.kind === 'abandoned_cart');
  const retention = sent.filter((e) => e.kind === 'retention');
  const inbox = (await (await fetch(`${maildevUrl}/email`)).json()) as InboxEmail[];
  const codes = sent.map((e) => e.code).filter((c): c is string => typeof c === 'string' && c !== '');
  return [
    compareSets(
      'abandoned-cart emails (cart, customer, due time)',
      expected.abandonedCartEmails.map((e) => `${e.cartId}|${e.customerId}|${iso(e.dueAt)}`),
      abandoned.map((e) => `${e.cartId ?? ''}|${e.customerId}|${iso(e.dueAt)}`),
    ),
    compare('retention emails per customer', tally(expected.retentionEmails.map((e) => e.customerId)), tally(retention.map((e) => e.customerId))),
    compare('emails in the SMTP inbox', expected.abandonedCartEmails.length + expected.retentionEmails.length, inbox.length),
    compare('distinct Message-IDs in the SMTP inbox', expected.abandonedCartEmails.length + expected.retentionEmails.length, new Set(inbox.map((m) => m.headers?.['message-id'] ?? m.id)).size),
    compare('each emailed code distinct', codes.length, new Set(codes.map((c) => c.trim().toLowerCase())).size),
    compare('emails delivered twice (same Message-ID, or same campaign step for the same customer, cart and due time)', 0, deliveredTwice(inbox)),
    compare('emailed codes missing from the text or the HTML part of their email (#25)', [], codesMissingFromParts(sent, inbox)),
  ];
}

const header = (m: InboxEmail, name: string) => m.headers?.[name] ?? '';

/** What an email is: its campaign step for its customer, cart and due time (the X- headers the campaigns service sets). */
const inboxIdentity = (m: InboxEmail) => ['x-campaign-id', 'x-campaign-step', 'x-customer-id', 'x-cart-id', 'x-due-at'].map((h) => header(m, h)).join('|');
const sentIdentity = (e: SentEmail) => [e.campaignId, String(e.step), e.customerId, e.cartId ?? '', iso(e.dueAt)].join('|');

/**
 * Each code the service says it emailed, as it must appear in both parts of the message that carried it:
 * `code (text part)` or `code (HTML part)` when it does not, `code (not in the inbox)` without the message.
 */
export function codesMissingFromParts(sent: readonly SentEmail[], inbox: readonly InboxEmail[]): readonly string[] {
  const byIdentity = new Map(inbox.map((m) => [inboxIdentity(m), m]));
  const missing: string[] = [];
  for (const email of sent) {
    if (typeof email.code !== 'string' || email.code === '') continue;
    const message = byIdentity.get(sentIdentity(email));
    if (!message) missing.push(`${email.code} (not in the inbox)`);
    else {
      if (!(message.text ?? '').includes(email.code)) missing.push(`${email.code} (text part)`);
      if (!(message.html ?? '').includes(email.code)) missing.push(`${email.code} (HTML part)`);
    }
  }
  return missing.sort();
}

/** Copies beyond the first in the inbox, by Message-ID and by what the email is (issue 18: two replicas sent one email twice). */
function deliveredTwice(inbox: readonly InboxEmail[]): number {
  const byMessageId = inbox.length - new Set(inbox.map((m) => header(m, 'message-id') || m.id)).size;
  const identity = (m: InboxEmail) => ['x-campaign-kind', 'x-campaign-id', 'x-campaign-step', 'x-customer-id', 'x-cart-id', 'x-due-at'].map((h) => header(m, h)).join('|');
  const byIdentity = inbox.length - new Set(inbox.map(identity)).size;
  return Math.max(byMessageId, byIdentity);
}

function tally(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of [...values].sort()) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}
