import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, CLOCK, type Clock, CoalescingRounds, PeriodicTask } from '@promo/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { DEFAULT_FREQUENCY_CAP_HOURS } from '../campaigns/campaign-definition';
import { enabledAbandonedCartCampaigns } from '../campaigns/campaigns.service';
import { CartSnapshotEntity } from '../carts/cart-snapshot.entity';
import type { CampaignsConfig } from '../config/env.schema';
import { EmailDispatcher } from '../email/email.dispatcher';
import { normaliseAddress } from '../email/email-address';
import { abandonedCartEmailId } from '../email/email-identity';
import { hasEmailWithinCap, queueEmail } from '../email/email-queue.repository';
import { hasOrderPlacedBy } from '../orders/orders-seen.repository';
import { type DueSchedule, dueSchedules, recordDecision } from '../scheduling/email-schedules.repository';
import { decideAbandonedCart } from './abandoned-cart.decision';
import { WatermarkService } from './watermark.service';
import { isSuppressed } from '../suppression/is-suppressed';

const BATCH = 200;
const HOUR_MS = 3_600_000;
/** pg advisory lock key: one decider at a time, so decisions follow due-time order across instances. */
const DECIDER_LOCK = 0x0c0a_9019;

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
        const due = await dueSchedules(manager, watermark, BATCH);
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

  private async decideOne(manager: EntityManager, row: DueSchedule): Promise<boolean> {
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
      hasOrderAtOrBeforeDue: await hasOrderPlacedBy(manager, row.cartId, row.dueAt),
      hasRecentEmail: customerId !== null && (await hasEmailWithinCap(manager, 'abandoned_cart', customerId, row.dueAt, capHours * HOUR_MS)),
    });
    const now = this.clock.now();
    await recordDecision(manager, row, verdict.send ? { status: 'queued', reason: null, at: now } : { status: 'suppressed', reason: verdict.reason, at: now });
    if (!verdict.send || customerId === null || email === null) return false;
    const emailId = abandonedCartEmailId(row.campaignId, row.cartId, row.step);
    await queueEmail(manager, { emailId, kind: 'abandoned_cart', campaignId: row.campaignId, step: row.step, customerId, cartId: row.cartId, recipient: email, dueAt: row.dueAt, createdAt: now });
    return true;
  }
}
