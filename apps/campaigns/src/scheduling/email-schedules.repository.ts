import type { EntityManager } from 'typeorm';
import type { ScheduleStatus } from './email-schedule.entity';

/** One (campaign, cart, step) abandoned-cart email. */
export interface ScheduleKey {
  readonly campaignId: string;
  readonly cartId: string;
  readonly step: number;
}

export interface DueSchedule extends ScheduleKey {
  readonly dueAt: Date;
}

export interface ScheduleToWrite extends ScheduleKey {
  readonly dueAt: Date;
  readonly status: Extract<ScheduleStatus, 'pending' | 'cancelled'>;
}

/** Campaigns' SQL on `email_schedules` (#22 §3): writing a cart's steps, reading what is due, recording a decision. */

/**
 * Writes the schedules in one statement: new ones inserted, undecided or suppressed ones moved to the new due
 * time and status; one already queued is never scheduled again. Returns the keys it wrote.
 */
export async function writeSchedules(manager: EntityManager, schedules: readonly ScheduleToWrite[]): Promise<ScheduleKey[]> {
  if (schedules.length === 0) return [];
  const rows: { campaign_id: string; cart_id: string; step: number }[] = await manager.query(
    `INSERT INTO email_schedules (campaign_id, cart_id, step, due_at, status)
     SELECT s.campaign_id, s.cart_id, s.step, s.due_at, s.status FROM unnest($1::text[], $2::text[], $3::integer[], $4::timestamptz[], $5::text[]) AS s(campaign_id, cart_id, step, due_at, status)
     ON CONFLICT (campaign_id, cart_id, step) DO UPDATE SET due_at = EXCLUDED.due_at, status = EXCLUDED.status, reason = NULL, decided_at = NULL
     WHERE email_schedules.status <> 'queued'
     RETURNING campaign_id, cart_id, step`,
    [schedules.map((s) => s.campaignId), schedules.map((s) => s.cartId), schedules.map((s) => s.step), schedules.map((s) => s.dueAt), schedules.map((s) => s.status)],
  );
  return rows.map((row) => ({ campaignId: row.campaign_id, cartId: row.cart_id, step: row.step }));
}

/** Up to `limit` pending schedules due at or before `watermark`, in due order, then cart id by code point, campaign and step (K4). */
export async function dueSchedules(manager: EntityManager, watermark: Date, limit: number): Promise<DueSchedule[]> {
  const rows: unknown[] = await manager.query(
    `SELECT campaign_id, cart_id, step, due_at FROM email_schedules WHERE status = 'pending' AND due_at <= $1
     ORDER BY due_at, cart_id COLLATE "C", campaign_id COLLATE "C", step LIMIT $2`,
    [watermark, limit],
  );
  return rows.map(toDueSchedule);
}

/** Records the decision on a schedule: queued (its email queued in the same transaction) or suppressed with the reason. */
export async function recordDecision(manager: EntityManager, key: ScheduleKey, decision: { readonly status: 'queued' | 'suppressed'; readonly reason: string | null; readonly at: Date }): Promise<void> {
  await manager.query(`UPDATE email_schedules SET status = $4, reason = $5, decided_at = $6 WHERE campaign_id = $1 AND cart_id = $2 AND step = $3`, [
    key.campaignId,
    key.cartId,
    key.step,
    decision.status,
    decision.reason,
    decision.at,
  ]);
}

function toDueSchedule(row: unknown): DueSchedule {
  if (typeof row !== 'object' || row === null) throw new Error('unexpected email_schedules row');
  const campaignId: unknown = Reflect.get(row, 'campaign_id');
  const cartId: unknown = Reflect.get(row, 'cart_id');
  const step: unknown = Reflect.get(row, 'step');
  const dueAt: unknown = Reflect.get(row, 'due_at');
  if (typeof campaignId !== 'string' || typeof cartId !== 'string' || typeof step !== 'number' || !(dueAt instanceof Date)) throw new Error('unexpected email_schedules row');
  return { campaignId, cartId, step, dueAt };
}
