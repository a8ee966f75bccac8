import type { Client, Pool } from 'pg';
import { messageIdFor, retentionEmailId } from '../../src/email/email-identity';

export interface QueuedEmail {
  readonly customer: string;
  readonly campaignId: string;
  readonly dueAt: string;
}

/**
 * Queues retention emails in one statement, as the decision writes them (status `queued`, the email id and
 * Message-ID derived as RetentionService derives them, `detectedAt` = due time); answers their email ids.
 */
export async function insertQueuedEmails(db: Pick<Client | Pool, 'query'>, emails: readonly QueuedEmail[]): Promise<string[]> {
  const detectedAt = emails.map((email) => new Date(email.dueAt));
  const ids = emails.map((email, index) => retentionEmailId(email.campaignId, email.customer, detectedAt[index] ?? new Date(0)));
  await db.query(
    `INSERT INTO emails (email_id, kind, campaign_id, step, customer_id, recipient, due_at, message_id, status, attempts, created_at)
     SELECT e.id, 'retention', e.campaign_id, 1, e.customer, e.customer || '@example.test', e.due_at, e.message_id, 'queued', 0, e.due_at
       FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[]) AS e(id, campaign_id, customer, due_at, message_id)`,
    [ids, emails.map((email) => email.campaignId), emails.map((email) => email.customer), detectedAt, ids.map(messageIdFor)],
  );
  return ids;
}
