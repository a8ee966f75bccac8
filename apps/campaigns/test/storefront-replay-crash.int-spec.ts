import { waitFor } from '@promo/platform/testing';
import { freePort, type ServiceProcess, startServiceProcess, waitUntilReady } from '@promo/service-runtime/testing';
import { campaignsTestEnv, createTestDatabase, dropTestDatabase, migrate } from './support/campaigns-test-env';
import { type RunningCodeInventory, startCodeInventory } from './support/code-inventory-process';
import { deleteReceived, receivedEmails } from './support/maildev-inbox';
import { createReplayTopics, replay } from './support/stream-replayer';
import { abandonedKeys, codeOf, createReplayCampaigns, distinctByMessageId, expectedOutcome, retentionCustomers, storefrontDay, testKafka, waitForQuietInbox } from './support/storefront-day.scenario';

/** The process's SEND_CONCURRENCY: the most emails it has handed to SMTP and not yet recorded as sent. */
const SENDS_IN_FLIGHT = 16;

describe('campaigns killed with SIGKILL mid-replay', () => {
  const expected = expectedOutcome();
  const kafka = testKafka();
  let service: ServiceProcess | undefined;
  let inventory: RunningCodeInventory | undefined;
  const campaignIds: string[] = [];
  const databases: string[] = [];

  afterEach(async () => {
    if (service && service.child.exitCode === null && service.child.signalCode === null) {
      service.child.kill('SIGKILL');
      await service.exited;
    }
    await inventory?.stop();
    await deleteReceived(campaignIds.splice(0));
    for (const database of databases.splice(0)) await dropTestDatabase(database);
  }, 60_000);

  it('loses no email and sends none twice after a restart', async () => {
    inventory = await startCodeInventory();
    const port = await freePort();
    // The process runs on event time, as a replay does (CLOCK_MODE=event-time, PRODUCT K4).
    const env = { ...campaignsTestEnv(await createTestDatabase()), HTTP_PORT: String(port), CLOCK_MODE: 'event-time', LOG_LEVEL: 'warn', SEND_CONCURRENCY: String(SENDS_IN_FLIGHT), ...inventory.campaignsEnv };
    databases.push(env['PG_URL'] ?? '');
    await migrate(env);
    const prefix = env.KAFKA_TOPIC_PREFIX;
    const groupId = env.KAFKA_GROUP_ID;
    await createReplayTopics(kafka, prefix, 6);
    service = startServiceProcess('campaigns', 'main', env);
    await waitUntilReady(service);
    const campaigns = await createReplayCampaigns(service.baseUrl, { withCodes: true });
    const ids = [campaigns.abandonedCartId, campaigns.retentionId];
    campaignIds.push(...ids);

    const replaying = replay(kafka, prefix, storefrontDay());
    await waitFor(async () => (await receivedEmails(ids)).length >= 20, { timeoutMs: 120_000, intervalMs: 100, description: 'the first emails of the replay' });
    service.child.kill('SIGKILL');
    expect((await service.exited).signal).toBe('SIGKILL');

    service = startServiceProcess('campaigns', 'main', env);
    await waitUntilReady(service);
    await replaying;
    const restarted = service;
    const inbox = await waitForQuietInbox({ kafka, groupId, prefix, baseUrl: () => restarted.baseUrl, campaigns, expectedTotal: expected.abandonedCart.length + expected.retention.length });
    const distinct = distinctByMessageId(inbox);
    expect(abandonedKeys(distinct, campaigns)).toEqual(expected.abandonedCart);
    expect(retentionCustomers(distinct, campaigns)).toEqual(expected.retention);
    expect(new Set(distinct.map((e) => codeOf(e)?.code)).size).toBe(distinct.length);
    // An email the server accepted in the last milliseconds before the SIGKILL, not yet recorded as sent,
    // is sent again on restart with the same Message-ID, the same code and the same text: a receiver
    // drops it by Message-ID. Only the sends in flight at the kill can repeat: at most SEND_CONCURRENCY.
    expect(inbox.length - distinct.length).toBeLessThanOrEqual(SENDS_IN_FLIGHT);
    for (const copy of inbox) {
      const first = distinct.find((e) => e.messageId === copy.messageId);
      expect({ subject: copy.subject, text: copy.text, to: copy.to }).toEqual({ subject: first?.subject, text: first?.text, to: first?.to });
    }
  }, 240_000);
});
