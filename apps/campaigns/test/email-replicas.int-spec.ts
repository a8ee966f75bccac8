import { uniqueSuffix, waitFor } from '@promo/platform/testing';
import { freePort, type ServiceProcess, startServiceProcess, waitUntilReady } from '@promo/service-runtime/testing';
import { Client } from 'pg';
import { adminRequest, campaignsTestEnv, createTestDatabase, dropTestDatabase, migrate } from './support/campaigns-test-env';
import { insertQueuedEmails, type QueuedEmail } from './support/queued-emails';
import { type RecordedMessage, type SmtpRecorder, startSmtpRecorder } from './support/smtp-recorder';
import { createReplayTopics } from './support/stream-replayer';
import { testKafka } from './support/storefront-day.scenario';

/** How many messages carried each Message-ID. */
function copiesByMessageId(messages: readonly RecordedMessage[]): Map<string, number> {
  const copies = new Map<string, number>();
  for (const { messageId } of messages) copies.set(messageId, (copies.get(messageId) ?? 0) + 1);
  return copies;
}

/** Customers whose emails reached the server in another order than their due order. */
function customersOutOfDueOrder(messages: readonly RecordedMessage[]): string[] {
  const arrived = new Map<string, string[]>();
  for (const { customerId, dueAt } of messages) arrived.set(customerId, [...(arrived.get(customerId) ?? []), dueAt]);
  return [...arrived].filter(([, dues]) => dues.some((due, index) => index > 0 && due <= (dues[index - 1] ?? ''))).map(([customerId]) => customerId);
}

/**
 * #18: replicas of campaigns (processes on one database, Redis prefix, broker and consumer group) share the
 * queued emails. Each is sent once: a replica sends only the emails it claimed, a customer's emails one after
 * the other in due order, and a replica killed mid-page leaves its claims to another once their lease ends.
 */
describe('emails sent by two campaigns replicas', () => {
  const kafka = testKafka();
  const running: ServiceProcess[] = [];
  let recorder: SmtpRecorder | undefined;
  let db: Client | undefined;
  let pgUrl = '';

  afterEach(async () => {
    for (const service of running.splice(0)) {
      if (service.child.exitCode === null && service.child.signalCode === null) {
        service.child.kill('SIGKILL');
        await service.exited;
      }
    }
    await db?.end();
    await recorder?.close();
    if (pgUrl !== '') await dropTestDatabase(pgUrl);
  }, 60_000);

  /** A migrated database, topics and a retention campaign (no code macros), and the environment of its replicas. */
  const setUp = async (smtp: SmtpRecorder, extraEnv: Record<string, string>): Promise<{ readonly env: Record<string, string>; readonly campaignId: string; readonly db: Client }> => {
    pgUrl = await createTestDatabase();
    const env: Record<string, string> = { ...campaignsTestEnv(pgUrl), SMTP_URL: smtp.url, ...extraEnv };
    await migrate(env);
    await createReplayTopics(kafka, env['KAFKA_TOPIC_PREFIX'] ?? '', 2);
    const client = new Client({ connectionString: pgUrl, options: '-c search_path=campaigns' });
    await client.connect();
    return { env, campaignId: `rt-${uniqueSuffix()}`, db: client };
  };

  const start = async (env: Record<string, string>): Promise<ServiceProcess> => {
    const service = startServiceProcess('campaigns', 'main', { ...env, HTTP_PORT: String(await freePort()) });
    running.push(service);
    await waitUntilReady(service, 120_000);
    return service;
  };

  const createCampaign = async (baseUrl: string, campaignId: string): Promise<void> => {
    const created = await adminRequest(baseUrl, 'POST', '/v1/campaigns', {
      campaignId,
      name: 'Win back',
      kind: 'retention',
      minimumDaysInactive: 60,
      template: { subject: 'We miss you', text: 'Hi {{customer.email}}, come back soon.\nUnsubscribe: {{unsubscribeUrl}}' },
    });
    expect(created.status).toBe(201);
  };

  const count = async (client: Client, where: string): Promise<number> => {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM emails WHERE ${where}`);
    return Number(rows[0]?.n ?? 0);
  };

  it('sends each of 1,500 queued emails once, each customer\'s in due order, both replicas sending', async () => {
    recorder = await startSmtpRecorder();
    const setup = await setUp(recorder, { EMAIL_CLAIM_LEASE_MS: '30000' });
    db = setup.db;
    const [first] = await Promise.all([start(setup.env), start(setup.env)]);
    await createCampaign(first?.baseUrl ?? '', setup.campaignId);

    // 500 customers with 3 emails each, due one minute apart per customer and one second apart within one:
    // more than a page (1,000), so both replicas have some to send.
    const suffix = uniqueSuffix();
    const emails: QueuedEmail[] = [];
    for (let c = 0; c < 500; c += 1) {
      for (let k = 0; k < 3; k += 1) {
        emails.push({ customer: `cu-${suffix}-${String(c).padStart(3, '0')}`, campaignId: setup.campaignId, dueAt: new Date(Date.UTC(2026, 1, 1, 10, c, k)).toISOString() });
      }
    }
    const messageIds = await insertQueuedEmails(setup.db, emails);
    expect(messageIds).toHaveLength(1_500);

    await waitFor(async () => (await count(setup.db, `status = 'queued'`)) === 0, { timeoutMs: 180_000, intervalMs: 250, description: 'every queued email sent' });
    // Both replicas stop (finishing the sends in hand): nothing more can reach the server after this.
    for (const service of running) service.child.kill('SIGTERM');
    for (const service of running) expect((await service.exited).code).toBe(0);

    const messages = recorder.messages();
    const copies = copiesByMessageId(messages);
    const { rows: sentRows } = await setup.db.query<{ message_id: string }>(`SELECT message_id FROM emails WHERE status = 'sent'`);
    expect({ received: messages.length, distinctMessageIds: copies.size, recordedSent: sentRows.length }).toEqual({ received: 1_500, distinctMessageIds: 1_500, recordedSent: 1_500 });
    expect([...copies.values()].filter((n) => n !== 1)).toEqual([]);
    expect(sentRows.filter((row) => copies.get(row.message_id) !== 1)).toEqual([]);
    expect(customersOutOfDueOrder(messages)).toEqual([]);
    expect(await count(setup.db, `status = 'sent' AND claimed_by IS NOT NULL`)).toBe(1_500);
    const { rows: senders } = await setup.db.query<{ n: string }>(`SELECT count(DISTINCT claimed_by) AS n FROM emails`);
    expect(Number(senders[0]?.n)).toBe(2);
  }, 300_000);

  it('sends the emails a SIGKILLed replica had claimed once their lease ends, with the same Message-IDs', async () => {
    // A slow server (each 250 held 100 ms) and 4 senders: the killed replica has sends in flight and most of its page unsent.
    recorder = await startSmtpRecorder({ replyDelayMs: 100 });
    const setup = await setUp(recorder, { EMAIL_CLAIM_LEASE_MS: '3000', SMTP_TIMEOUT_MS: '1000', SEND_CONCURRENCY: '4' });
    db = setup.db;
    const killed = await start(setup.env);
    await createCampaign(killed.baseUrl, setup.campaignId);
    const suffix = uniqueSuffix();
    const emails = Array.from({ length: 60 }, (_, c): QueuedEmail => ({ customer: `cu-${suffix}-${c}`, campaignId: setup.campaignId, dueAt: new Date(Date.UTC(2026, 1, 1, 10, c)).toISOString() }));
    await insertQueuedEmails(setup.db, emails);

    await waitFor(() => recorder !== undefined && recorder.messages().length >= 8, { timeoutMs: 60_000, intervalMs: 20, description: 'the first sends' });
    killed.child.kill('SIGKILL');
    expect((await killed.exited).signal).toBe('SIGKILL');
    const leftClaimed = await count(setup.db, `status = 'queued' AND claimed_by IS NOT NULL`);
    expect(leftClaimed).toBeGreaterThan(0);

    await start(setup.env);
    await waitFor(async () => (await count(setup.db, `status = 'queued'`)) === 0, { timeoutMs: 120_000, intervalMs: 250, description: 'the killed replica\'s emails sent by the other' });
    for (const service of running) service.child.kill('SIGTERM');
    for (const service of running) await service.exited;

    const messages = recorder.messages();
    const copies = copiesByMessageId(messages);
    const { rows } = await setup.db.query<{ message_id: string }>(`SELECT message_id FROM emails WHERE status = 'sent'`);
    expect({ distinctMessageIds: copies.size, recordedSent: rows.length }).toEqual({ distinctMessageIds: 60, recordedSent: 60 });
    expect(rows.filter((row) => !copies.has(row.message_id))).toEqual([]);
    // Only a send the server accepted just before the kill, not yet recorded, goes again (same Message-ID): at most the 4 in flight.
    expect(messages.length - copies.size).toBeLessThanOrEqual(4);
  }, 300_000);
});
