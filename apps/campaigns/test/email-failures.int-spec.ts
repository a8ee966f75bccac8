import { uniqueSuffix, waitFor } from '@promo/platform/testing';
import { DataSource } from 'typeorm';
import { aCustomerInactive } from './builders/upstream-event.builder';
import { type RunningCampaigns } from './support/campaigns-test-env';
import { receivedEmails } from './support/maildev-inbox';
import { produceRecords } from './support/produce-records';
import { createRetentionCampaign, startTimelineInstance, stopTimeline } from './support/scenario-run';
import { listedEmails, type ReplayCampaigns, testKafka } from './support/storefront-day.scenario';

/**
 * Failures of the real Postgres, injected by a trigger on `emails` (#19, smaller holes): for cu-confirm the
 * claim renewal right before the send fails once (a passing database error before SMTP); for cu-commit the
 * commit that records the send fails twice, after SMTP accepted the message. Neither email may end `failed`.
 */
const INJECT_FAILURES = `
  CREATE SEQUENCE failed_confirms;
  CREATE SEQUENCE failed_sent_commits;
  CREATE FUNCTION inject_email_failures() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF NEW.customer_id = 'cu-confirm' AND NEW.status = 'queued' AND OLD.claimed_until IS NOT NULL AND NEW.claimed_until IS NOT NULL
       AND NEW.claimed_by = OLD.claimed_by AND nextval('failed_confirms') <= 1 THEN
      RAISE EXCEPTION 'injected: the claim renewal failed';
    END IF;
    IF NEW.customer_id = 'cu-commit' AND OLD.status = 'queued' AND NEW.status = 'sent' AND nextval('failed_sent_commits') <= 2 THEN
      RAISE EXCEPTION 'injected: the commit of the sent email failed';
    END IF;
    RETURN NEW;
  END $$;
  CREATE TRIGGER inject_email_failures BEFORE UPDATE ON emails FOR EACH ROW EXECUTE FUNCTION inject_email_failures();`;

describe('emails after a passing database failure', () => {
  const kafka = testKafka();
  const retentionId = `rt-fail-${uniqueSuffix()}`;
  // stopTimeline deletes the messages of both ids; this test has one campaign.
  const campaigns: ReplayCampaigns = { abandonedCartId: retentionId, retentionId };
  let running: RunningCampaigns;
  let statuses: Record<string, string>;

  beforeAll(async () => {
    const started = await startTimelineInstance({ EMAIL_RETRY_BASE_MS: '200' });
    running = started.running;
    await running.app.get(DataSource).query(INJECT_FAILURES);
    await createRetentionCampaign(running.baseUrl, retentionId);
    await produceRecords(kafka, started.env.KAFKA_TOPIC_PREFIX, [aCustomerInactive('cu-confirm', '2026-03-01T10:00:00Z'), aCustomerInactive('cu-commit', '2026-03-01T10:00:00Z')]);
    statuses = await waitFor(
      async () => {
        const items = (await listedEmails(running.baseUrl)).filter((item) => typeof item === 'object' && item !== null && Reflect.get(item, 'campaignId') === retentionId);
        const byCustomer = Object.fromEntries(items.map((item) => [String(Reflect.get(item as object, 'customerId')), String(Reflect.get(item as object, 'status'))]));
        return items.length === 2 && Object.values(byCustomer).every((status) => status !== 'queued') ? byCustomer : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 250, description: 'both emails to leave the queue' },
    );
  }, 120_000);

  // `running` is unset when beforeAll failed before the instance started: nothing to stop then.
  afterAll(async () => {
    if ((running as RunningCampaigns | undefined) !== undefined) await stopTimeline(running, campaigns);
  }, 60_000);

  it('tries an email again after a database error before its send, instead of failing it for good', () => {
    expect(statuses['cu-confirm']).toBe('sent');
  });

  it('records as sent an email SMTP accepted whose first commits failed, and sends it once', async () => {
    expect(statuses['cu-commit']).toBe('sent');
    const inbox = await receivedEmails([retentionId]);
    expect(inbox.map((e) => e.customerId).sort()).toEqual(['cu-commit', 'cu-confirm']);
  });
});
