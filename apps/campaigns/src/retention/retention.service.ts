import { Inject, Injectable } from '@nestjs/common';
import type { CustomerInactiveData } from '@promo/contracts';
import { CLOCK, type Clock } from '@promo/platform';
import type { EntityManager } from 'typeorm';
import { DEFAULT_FREQUENCY_CAP_HOURS } from '../campaigns/campaign-definition';
import { enabledRetentionCampaigns } from '../campaigns/campaigns.service';
import { normaliseAddress } from '../email/email-address';
import { messageIdFor, retentionEmailId } from '../email/email-identity';
import { isSuppressed } from '../suppression/is-suppressed';
import { decideRetentionOffer, refuseRecipient } from './retention.decision';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * K2: one offer per inactivity episode. A `customer.inactive` past the threshold, with consent and not
 * suppressed, queues an email when no earlier offer of the campaign exists or its trigger's
 * `detectedAt` is at least the cool-down before this one (streams README: 30 days or more), and no
 * retention email of any campaign is due within the campaign's frequency cap before it (K3).
 * Returns how many emails were queued.
 */
@Injectable()
export class RetentionService {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  async onInactive(manager: EntityManager, data: CustomerInactiveData): Promise<number> {
    // One normalised address or none: an address list is never emailed, and suppression matches however it was written.
    const email = normaliseAddress(data.email);
    const hasMarketingConsent = data.marketingConsent === true;
    const recipient = { hasMarketingConsent, email, isSuppressed: hasMarketingConsent && (await isSuppressed(manager, email)) };
    if (refuseRecipient(recipient) !== undefined) return 0;
    const detectedAt = new Date(data.detectedAt);
    let queued = 0;
    // Serialises two triggers of one customer (consumed on different partitions) in the cool-down and cap checks.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`retention:${data.customerId}`]);
    for (const { campaignId, definition } of await enabledRetentionCampaigns(manager)) {
      const verdict = decideRetentionOffer({
        ...recipient,
        daysInactive: data.daysInactive,
        minimumDaysInactive: definition.minimumDaysInactive,
        hasOfferWithinCoolDown: await this.hasOfferWithin(manager, campaignId, data.customerId, detectedAt, definition.coolDownDays * DAY_MS),
        hasRetentionEmailWithinCap: await this.hasRetentionEmailWithin(manager, data.customerId, detectedAt, (definition.frequencyCapHours ?? DEFAULT_FREQUENCY_CAP_HOURS) * HOUR_MS),
      });
      if (!verdict.send) continue;
      const emailId = retentionEmailId(campaignId, data.customerId, detectedAt);
      const inserted: unknown[] = await manager.query(
        `INSERT INTO emails (email_id, kind, campaign_id, step, customer_id, cart_id, recipient, due_at, message_id, status, attempts, created_at)
         VALUES ($1, 'retention', $2, 1, $3, NULL, $4, $5, $6, 'queued', 0, $7) ON CONFLICT (email_id) DO NOTHING RETURNING email_id`,
        [emailId, campaignId, data.customerId, email, detectedAt, messageIdFor(emailId), this.clock.now()],
      );
      queued += inserted.length;
    }
    return queued;
  }

  /** An offer of the campaign to the customer is due within `windowMs` before `at` (the campaign's cool-down). */
  private async hasOfferWithin(manager: EntityManager, campaignId: string, customerId: string, at: Date, windowMs: number): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM emails WHERE kind = 'retention' AND campaign_id = $1 AND customer_id = $2 AND due_at > $3 LIMIT 1`, [
      campaignId,
      customerId,
      new Date(at.getTime() - windowMs),
    ]);
    return rows.length > 0;
  }

  /** K3's frequency cap: a retention email of any campaign (not failed) due within `windowMs` before `at`; a cap of 0 caps nothing. */
  private async hasRetentionEmailWithin(manager: EntityManager, customerId: string, at: Date, windowMs: number): Promise<boolean> {
    if (windowMs === 0) return false;
    const rows: unknown[] = await manager.query(`SELECT 1 FROM emails WHERE kind = 'retention' AND customer_id = $1 AND status <> 'failed' AND due_at > $2 AND due_at <= $3 LIMIT 1`, [
      customerId,
      new Date(at.getTime() - windowMs),
      at,
    ]);
    return rows.length > 0;
  }
}
