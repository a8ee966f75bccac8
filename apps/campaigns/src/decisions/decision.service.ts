import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, CLOCK, type Clock, CoalescingRounds, PeriodicTask } from '@promo/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { DEFAULT_FREQUENCY_CAP_HOURS } from '../campaigns/campaign-definition';
import { enabledAbandonedCartCampaigns } from '../campaigns/campaigns.service';
import { CartSnapshotEntity } from '../carts/cart-snapshot.entity';
import type { CampaignsConfig } from '../config/env.schema';
import { EmailDispatcher } from '../email/email.dispatcher';
import { normaliseAddress } from '../email/email-address';
import { abandonedCartEmailId, messageIdFor } from '../email/email-identity';
import { decideAbandonedCart } from './abandoned-cart.decision';
import { WatermarkService } from './watermark.service';
import { isSuppressed } from '../suppression/is-suppressed';

const BATCH = 200;
const HOUR_MS = 3_600_000;
/** pg advisory lock key: one decider at a time, so decisions follow due-time order across instances. */
const DECIDER_LOCK = 0x0c0a_9019;

interface DueRow {
  readonly campaignId: string;
  readonly cartId: string;
  readonly step: number;
  readonly dueAt: Date;
}

function toDueRows(rows: unknown[]): DueRow[] {
  return rows.map((row) => {
    if (typeof row !== 'object' || row === null) throw new Error('unexpected email_schedules row');
    const campaignId: unknown = Reflect.get(row, 'campaign_id');
    const cartId: unknown = Reflect.get(row, 'cart_id');
    const step: unknown = Reflect.get(row, 'step');
    const dueAt: unknown = Reflect.get(row, 'due_at');
    if (typeof campaignId !== 'string' || typeof cartId !== 'string' || typeof step !== 'number' || !(dueAt instanceof Date)) throw new Error('unexpected email_schedules row');
    return { campaignId, cartId, step, dueAt };
  });
}

/**
 * Decides due abandoned-cart emails (K1, K4): only those due at or before the watermark, in order of
 * due time then cartId by code point, each as of its due time; a decision to send writes the email's
 * idempotency record (status queued) in the same transaction, and the dispatcher sends it after.
 */
@Injectable()
export class DecisionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('decisions');
  private readonly tick: PeriodicTask;
  private readonly rounds = new CoalescingRounds(() => this.decideDue(), (error) => this.logger.warn({ err: error }, 'decision round failed; retrying on the next tick'));

  constructor(
    @Inject(APP_CONFIG) private readonly config: CampaignsConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly dataSource: DataSource,
    private readonly watermark: WatermarkService,
    private readonly dispatcher: EmailDispatcher,
  ) {
    this.tick = new PeriodicTask(config.DECIDER_INTERVAL_MS, () => this.kick());
  }

  onApplicationBootstrap(): void {
    this.tick.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.tick.stop();
    await this.rounds.stop();
  }

  /** Asks for a decision round soon; rounds never overlap and kicks during one cause one more. */
  kick(): void {
    this.rounds.request();
  }

  /** Decides everything due up to the watermark; returns how many were decided. */
  async decideDue(): Promise<number> {
    const watermark = await this.watermark.current();
    if (!watermark) return 0;
    let decided = 0;
    let queued = 0;
    for (;;) {
      const round = await this.dataSource.transaction(async (manager) => {
        await manager.query('SELECT pg_advisory_xact_lock($1)', [DECIDER_LOCK]);
        const due = toDueRows(
          await manager.query(
            `SELECT campaign_id, cart_id, step, due_at FROM email_schedules WHERE status = 'pending' AND due_at <= $1
             ORDER BY due_at, cart_id COLLATE "C", campaign_id COLLATE "C", step LIMIT ${BATCH}`,
            [watermark],
          ),
        );
        let sends = 0;
        for (const row of due) if (await this.decideOne(manager, row)) sends += 1;
        return { count: due.length, sends };
      });
      decided += round.count;
      queued += round.sends;
      if (round.count < BATCH) break;
    }
    if (queued > 0) this.dispatcher.kick();
    return decided;
  }

  private async decideOne(manager: EntityManager, row: DueRow): Promise<boolean> {
    const campaign = (await enabledAbandonedCartCampaigns(manager)).find((c) => c.campaignId === row.campaignId);
    const snapshot = await manager.findOneBy(CartSnapshotEntity, { cartId: row.cartId });
    const customerId = snapshot?.customerId ?? null;
    // One normalised address or none: an address list is never emailed, and suppression matches however it was written.
    const email = normaliseAddress(snapshot?.email);
    const capHours = campaign?.definition.frequencyCapHours ?? DEFAULT_FREQUENCY_CAP_HOURS;
    const verdict = decideAbandonedCart({
      isCampaignEnabled: campaign !== undefined,
      lineCount: snapshot?.lineCount ?? 0,
      cartValue: snapshot?.value ?? 0,
      minimumCartValue: campaign?.definition.minimumCartValue ?? 0,
      customerId,
      email,
      hasMarketingConsent: snapshot?.marketingConsent ?? false,
      isSuppressed: await isSuppressed(manager, email),
      hasOrderAtOrBeforeDue: await this.exists(manager, `SELECT 1 FROM orders_seen WHERE cart_id = $1 AND placed_at <= $2 LIMIT 1`, [row.cartId, row.dueAt]),
      // Only sent (queued or sent) emails start a cap window; suppressed ones do not (streams README).
      hasRecentEmail:
        customerId !== null &&
        capHours > 0 &&
        (await this.exists(manager, `SELECT 1 FROM emails WHERE customer_id = $1 AND kind = 'abandoned_cart' AND status <> 'failed' AND due_at > $2 AND due_at <= $3 LIMIT 1`, [
          customerId,
          new Date(row.dueAt.getTime() - capHours * HOUR_MS),
          row.dueAt,
        ])),
    });
    const now = this.clock.now();
    await manager.query(`UPDATE email_schedules SET status = $4, reason = $5, decided_at = $6 WHERE campaign_id = $1 AND cart_id = $2 AND step = $3`, [
      row.campaignId,
      row.cartId,
      row.step,
      verdict.send ? 'queued' : 'suppressed',
      verdict.send ? null : verdict.reason,
      now,
    ]);
    if (!verdict.send || customerId === null || email === null) return false;
    const emailId = abandonedCartEmailId(row.campaignId, row.cartId, row.step);
    await manager.query(
      `INSERT INTO emails (email_id, kind, campaign_id, step, customer_id, cart_id, recipient, due_at, message_id, status, attempts, created_at)
       VALUES ($1, 'abandoned_cart', $2, $3, $4, $5, $6, $7, $8, 'queued', 0, $9) ON CONFLICT (email_id) DO NOTHING`,
      [emailId, row.campaignId, row.step, customerId, row.cartId, email, row.dueAt, messageIdFor(emailId), now],
    );
    return true;
  }

  private async exists(manager: EntityManager, sql: string, parameters: unknown[]): Promise<boolean> {
    const rows: unknown[] = await manager.query(sql, parameters);
    return rows.length > 0;
  }
}
