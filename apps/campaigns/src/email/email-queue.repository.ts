import type { EntityManager } from 'typeorm';
import type { EmailKind } from './email.entity';
import { messageIdFor } from './email-identity';

/** An email decided on: its idempotency record, queued for the dispatcher. */
export interface EmailToQueue {
  readonly emailId: string;
  readonly kind: EmailKind;
  readonly campaignId: string;
  readonly step: number;
  readonly customerId: string;
  readonly cartId: string | null;
  readonly recipient: string;
  readonly dueAt: Date;
  readonly createdAt: Date;
}

/**
 * Campaigns' SQL on the `emails` table for deciding (#22 §3): queueing one, and the two questions the
 * decisions ask of earlier ones. The dispatcher's claims live in email-claims.ts.
 */

/** Queues the email; false when an email of that id was queued before (a decision made twice queues one). */
export async function queueEmail(manager: EntityManager, email: EmailToQueue): Promise<boolean> {
  const inserted: unknown[] = await manager.query(
    `INSERT INTO emails (email_id, kind, campaign_id, step, customer_id, cart_id, recipient, due_at, message_id, status, attempts, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'queued', 0, $10) ON CONFLICT (email_id) DO NOTHING RETURNING email_id`,
    [email.emailId, email.kind, email.campaignId, email.step, email.customerId, email.cartId, email.recipient, email.dueAt, messageIdFor(email.emailId), email.createdAt],
  );
  return inserted.length > 0;
}

/**
 * K3's frequency cap: an email of `kind` to the customer, of any campaign, due within `windowMs` before `at`.
 * Only queued or sent emails start a cap window: failed ones and suppressed decisions (no email) do not
 * (streams README). A window of 0 caps nothing.
 */
export async function hasEmailWithinCap(manager: EntityManager, kind: EmailKind, customerId: string, at: Date, windowMs: number): Promise<boolean> {
  if (windowMs <= 0) return false;
  const rows: unknown[] = await manager.query(
    `SELECT 1 FROM emails WHERE kind = $1 AND customer_id = $2 AND status <> 'failed' AND due_at > $3 AND due_at <= $4 LIMIT 1`,
    [kind, customerId, new Date(at.getTime() - windowMs), at],
  );
  return rows.length > 0;
}

/** A retention offer of the campaign to the customer due within `windowMs` before `at` (the campaign's cool-down, K2). */
export async function hasOfferWithin(manager: EntityManager, campaignId: string, customerId: string, at: Date, windowMs: number): Promise<boolean> {
  const rows: unknown[] = await manager.query(`SELECT 1 FROM emails WHERE kind = 'retention' AND campaign_id = $1 AND customer_id = $2 AND due_at > $3 LIMIT 1`, [
    campaignId,
    customerId,
    new Date(at.getTime() - windowMs),
  ]);
  return rows.length > 0;
}
