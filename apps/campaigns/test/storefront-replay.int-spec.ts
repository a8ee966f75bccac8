import { MessagingLifecycle } from '@promo/messaging';
import { EventTimeClock } from '@promo/platform';
import { waitFor } from '@promo/platform/testing';
import { type CampaignsTestEnv, campaignsTestEnv, createTestDatabase, dropTestDatabase, migrate, type RunningCampaigns, startCampaigns } from './support/campaigns-test-env';
import { type RunningCodeInventory, startCodeInventory } from './support/code-inventory-process';
import { deleteReceived, receivedEmails, type ReceivedEmail } from './support/maildev-inbox';
import { createReplayTopics, replay } from './support/stream-replayer';
import {
  abandonedKeys,
  codeOf,
  createReplayCampaigns,
  expectedOutcome,
  isCaughtUp,
  retentionCustomers,
  storefrontDay,
  testKafka,
  waitForQuietInbox,
} from './support/storefront-day.scenario';

const REPLAY_TIMEOUT_MS = 180_000;

describe('replaying storefront-day through Kafka', () => {
  const expected = expectedOutcome();
  const records = storefrontDay();
  const kafka = testKafka();
  let running: RunningCampaigns | undefined;
  let inventory: RunningCodeInventory;

  beforeAll(async () => {
    inventory = await startCodeInventory();
  }, 120_000);

  afterAll(async () => {
    await inventory.stop();
  }, 60_000);

  const campaignIds: string[] = [];

  afterEach(async () => {
    await running?.app.close();
    if (running) await dropTestDatabase(running.config.PG_URL);
    running = undefined;
    await deleteReceived(campaignIds.splice(0));
  }, 60_000);

  async function boot(): Promise<{ readonly env: CampaignsTestEnv; readonly app: RunningCampaigns }> {
    const env = { ...campaignsTestEnv(await createTestDatabase()), ...inventory.campaignsEnv };
    await migrate(env);
    const prefix = env.KAFKA_TOPIC_PREFIX;
    await createReplayTopics(kafka, prefix, 6);
    // A replay runs on event time: the clock follows the records and stops at the last one (K4).
    running = await startCampaigns(env, new EventTimeClock(0));
    return { env, app: running };
  }

  it('sends exactly the expected abandoned-cart and retention emails at full speed', async () => {
    const { env, app } = await boot();
    const campaigns = await createReplayCampaigns(app.baseUrl, { withCodes: true });
    campaignIds.push(campaigns.abandonedCartId, campaigns.retentionId);

    await replay(kafka, app.config.KAFKA_TOPIC_PREFIX, records);

    const inbox = await waitForQuietInbox({ kafka, groupId: env.KAFKA_GROUP_ID, prefix: app.config.KAFKA_TOPIC_PREFIX, baseUrl: () => app.baseUrl, campaigns, expectedTotal: expected.abandonedCart.length + expected.retention.length });
    expect(abandonedKeys(inbox, campaigns)).toEqual(expected.abandonedCart);
    expect(retentionCustomers(inbox, campaigns)).toEqual(expected.retention);
    expect(new Set(inbox.map((e) => e.messageId)).size).toBe(inbox.length);
    await expectDistinctWorkingCodes(inbox);
  }, REPLAY_TIMEOUT_MS);

  it('holds due emails while order.placed lags, then sends exactly the expected ones', async () => {
    const { env, app } = await boot();
    const campaigns = await createReplayCampaigns(app.baseUrl, { withCodes: true });
    campaignIds.push(campaigns.abandonedCartId, campaigns.retentionId);
    const orderTopic = `${app.config.KAFKA_TOPIC_PREFIX}order.placed`;
    app.app.get(MessagingLifecycle).pauseTopics([orderTopic]);

    await replay(kafka, app.config.KAFKA_TOPIC_PREFIX, records);
    await waitFor(() => isCaughtUp(kafka, env.KAFKA_GROUP_ID, app.config.KAFKA_TOPIC_PREFIX, ['cart.updated', 'customer.inactive']), {
      timeoutMs: 120_000,
      intervalMs: 500,
      description: 'every cart and inactivity event to be consumed while orders lag',
    });
    // Every cart is known and its timer has fired, but no order is: nothing may be decided yet.
    expect(await isCaughtUp(kafka, env.KAFKA_GROUP_ID, app.config.KAFKA_TOPIC_PREFIX, ['order.placed'])).toBe(false);
    expect(abandonedKeys(await receivedEmails([campaigns.abandonedCartId]), campaigns)).toEqual([]);

    app.app.get(MessagingLifecycle).resumeTopics([orderTopic]);
    const inbox = await waitForQuietInbox({ kafka, groupId: env.KAFKA_GROUP_ID, prefix: app.config.KAFKA_TOPIC_PREFIX, baseUrl: () => app.baseUrl, campaigns, expectedTotal: expected.abandonedCart.length + expected.retention.length });
    expect(abandonedKeys(inbox, campaigns)).toEqual(expected.abandonedCart);
    expect(retentionCustomers(inbox, campaigns)).toEqual(expected.retention);
    expect(new Set(inbox.map((e) => codeOf(e)?.code)).size).toBe(inbox.length);
  }, REPLAY_TIMEOUT_MS);

  /** K1/K2: every email carries its own WINBACK code, issued to and bound to its recipient (the link's token works). */
  async function expectDistinctWorkingCodes(inbox: readonly ReceivedEmail[]): Promise<void> {
    const codes = inbox.map((email) => ({ email, issued: codeOf(email) }));
    expect(codes.filter((c) => c.issued === undefined).map((c) => c.email.cartId || c.email.customerId)).toEqual([]);
    expect(new Set(codes.map((c) => c.issued?.code)).size).toBe(inbox.length);
    for (const { email, issued } of codes) {
      if (!issued) continue;
      expect(await inventory.lookUp(issued.code, email.customerId, issued.token)).toMatchObject({ groupId: 'WINBACK', state: 'issued', isBound: true, tokenValid: true });
    }
  }
});
