import { uniqueSuffix } from '@promo/platform/testing';
import { aCustomerInactive } from './builders/upstream-event.builder';
import { adminRequest, type RunningCampaigns } from './support/campaigns-test-env';
import type { ReceivedEmail } from './support/maildev-inbox';
import { createRetentionCampaign, playTimeline, startTimelineInstance, stopTimeline } from './support/scenario-run';
import { type ReplayCampaigns, testKafka } from './support/storefront-day.scenario';

/**
 * K3's per-customer frequency cap for retention emails (#19.9): two retention campaigns (60 days
 * inactive, 30 days cool-down, the default 24 h cap) never email one customer twice within 24 hours;
 * each campaign's own cool-down still applies. Expected emails written by hand from the timeline.
 */
describe('retention frequency cap', () => {
  const kafka = testKafka();
  const suffix = uniqueSuffix();
  const first = `rt-a-${suffix}`;
  const second = `rt-b-${suffix}`;
  let running: RunningCampaigns;
  let inbox: readonly ReceivedEmail[];
  // waitForQuietInbox and stopTimeline take two campaign ids; here both are retention campaigns.
  const campaigns: ReplayCampaigns = { abandonedCartId: first, retentionId: second };

  beforeAll(async () => {
    const started = await startTimelineInstance();
    running = started.running;
    for (const campaignId of [second, first]) await createRetentionCampaign(running.baseUrl, campaignId);
    inbox = await playTimeline({
      kafka,
      env: started.env,
      running,
      campaigns,
      expectedTotal: 3,
      records: [
        aCustomerInactive('cu-1', '2026-03-01T10:00:00Z'), // both campaigns qualify: only the first (by id) emails
        aCustomerInactive('cu-2', '2026-03-01T10:00:00Z'), // the same
        aCustomerInactive('cu-1', '2026-03-01T20:00:00Z'), // 10 h later: rt-a's cool-down, rt-b's cap
        aCustomerInactive('cu-2', '2026-03-02T12:00:00Z'), // 26 h later: rt-a's cool-down; rt-b is past the cap
      ],
    });
  }, 180_000);

  afterAll(() => stopTimeline(running, campaigns), 60_000);

  it('emails a customer at most once in 24 hours across retention campaigns', () => {
    expect(inbox.map((e) => `${e.campaignId === first ? 'rt-a' : 'rt-b'}|${e.customerId}|${e.dueAt}`).sort()).toEqual([
      'rt-a|cu-1|2026-03-01T10:00:00.000Z',
      'rt-a|cu-2|2026-03-01T10:00:00.000Z',
      'rt-b|cu-2|2026-03-02T12:00:00.000Z',
    ]);
  });

  it('shows the cap on the campaign, 24 hours unless set', async () => {
    const read = await adminRequest(running.baseUrl, 'GET', `/v1/campaigns/${first}`);
    expect(read.body).toMatchObject({ frequencyCapHours: 24 });
  });
});
