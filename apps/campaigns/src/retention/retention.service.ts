import { Inject, Injectable } from '@nestjs/common';
import type { CustomerInactiveData } from '@promo/contracts';
import { CLOCK, type Clock } from '@promo/platform';
import type { EntityManager } from 'typeorm';
import { DEFAULT_FREQUENCY_CAP_HOURS } from '../campaigns/campaign-definition';
import { enabledRetentionCampaigns } from '../campaigns/campaigns.service';
import { normaliseAddress } from '../email/email-address';
import { retentionEmailId } from '../email/email-identity';
import { hasEmailWithinCap, hasOfferWithin, queueEmail } from '../email/email-queue.repository';
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
        hasOfferWithinCoolDown: await hasOfferWithin(manager, campaignId, data.customerId, detectedAt, definition.coolDownDays * DAY_MS),
        hasRetentionEmailWithinCap: await hasEmailWithinCap(manager, 'retention', data.customerId, detectedAt, (definition.frequencyCapHours ?? DEFAULT_FREQUENCY_CAP_HOURS) * HOUR_MS),
      });
      if (!verdict.send || email === null) continue;
      const emailId = retentionEmailId(campaignId, data.customerId, detectedAt);
      const isNew = await queueEmail(manager, { emailId, kind: 'retention', campaignId, step: 1, customerId: data.customerId, cartId: null, recipient: email, dueAt: detectedAt, createdAt: this.clock.now() });
      if (isNew) queued += 1;
    }
    return queued;
  }
}
