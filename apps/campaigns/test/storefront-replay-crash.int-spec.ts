import { waitFor } from '@promo/platform/testing';
import { freePort, type ServiceProcess, startServiceProcess, waitUntilReady } from '@promo/service-runtime/testing';
import { campaignsTestEnv, createTestDatabase, migrate } from './support/campaigns-test-env';
import { type RunningCodeInventory, startCodeInventory } from './support/code-inventory-process';
import { receivedEmails } from './support/maildev-inbox';
import { createReplayTopics, replay } from './support/stream-replayer';
import { abandonedKeys, codeOf, createReplayCampaigns, expectedOutcome, retentionCustomers, storefrontDay, testKafka, waitForQuietInbox } from './support/storefront-day.scenario';

describe('campaigns killed with SIGKILL mid-replay', () => {
  const expected = expectedOutcome();
  const kafka = testKafka();
  let service: ServiceProcess | undefined;
  let inventory: RunningCodeInventory | undefined;

  afterEach(async () => {
    if (service && service.child.exitCode === null && service.child.signalCode === null) {
      service.child.kill('SIGKILL');
      await service.exited;
    }
    await inventory?.stop();
  });

  it('loses no email and sends none twice after a restart', async () => {
    inventory = await startCodeInventory();
    const port = await freePort();
    // The process runs on event time, as a replay does (CLOCK_MODE=event-time, PRODUCT K4).
    const env = { ...campaignsTestEnv(await createTestDatabase()), HTTP_PORT: String(port), CLOCK_MODE: 'event-time', LOG_LEVEL: 'warn', ...inventory.campaignsEnv };
    await migrate(env);
    const prefix = env.KAFKA_TOPIC_PREFIX;
    const groupId = env.KAFKA_GROUP_ID;
    await createReplayTopics(kafka, prefix, 6);
    service = startServiceProcess('campaigns', 'main', env);
    await waitUntilReady(service);
    const campaigns = await createReplayCampaigns(service.baseUrl, { withCodes: true });
    const ids = [campaigns.abandonedCartId, campaigns.retentionId];

    const replaying = replay(kafka, prefix, storefrontDay());
    await waitFor(async () => (await receivedEmails(ids)).length >= 20, { timeoutMs: 120_000, intervalMs: 100, description: 'the first emails of the replay' });
    service.child.kill('SIGKILL');
    expect((await service.exited).signal).toBe('SIGKILL');

    service = startServiceProcess('campaigns', 'main', env);
    await waitUntilReady(service);
    await replaying;
    const restarted = service;
    const inbox = await waitForQuietInbox({ kafka, groupId, prefix, baseUrl: () => restarted.baseUrl, campaigns, expectedTotal: expected.abandonedCart.length + expected.retention.length });
    expect(abandonedKeys(inbox, campaigns)).toEqual(expected.abandonedCart);
    expect(retentionCustomers(inbox, campaigns)).toEqual(expected.retention);
    expect(new Set(inbox.map((e) => e.messageId)).size).toBe(inbox.length);
    expect(new Set(inbox.map((e) => codeOf(e)?.code)).size).toBe(inbox.length);
  }, 240_000);
});
