import { EventTimeClock } from '@promo/platform';
import { uniqueSuffix, waitFor } from '@promo/platform/testing';
import { Client } from 'pg';
import { EmailDispatcher } from '../src/email/email.dispatcher';
import { adminRequest, campaignsTestEnv, createTestDatabase, dropTestDatabase, migrate, type RunningCampaigns, startCampaigns } from './support/campaigns-test-env';
import { type RunningCodeInventory, startCodeInventory } from './support/code-inventory-process';
import { deleteReceived, type ReceivedEmail, receivedEmails } from './support/maildev-inbox';
import { insertQueuedEmails, type QueuedEmail } from './support/queued-emails';

/** What a labelled macro rendered: the code before its link, or '' when it rendered empty. */
function shown(text: string, label: string): string {
  const code = new RegExp(`${label}: (\\S+) \\(`).exec(text)?.[1];
  if (code !== undefined) return code;
  if (text.includes(`${label}: .`)) return '';
  throw new Error(`no "${label}:" in ${JSON.stringify(text)}`);
}

/**
 * #9: the dispatcher issues a page's fresh codes in batches before sending it. Each email must still
 * show what it would have shown sent one by one in due order: a `last_promocode` the code issued by
 * the customer's previous email (or nothing), a `promocode` a code of its own.
 */
describe('fresh codes issued ahead for a page of emails', () => {
  let inventory: RunningCodeInventory;
  let running: RunningCampaigns;
  let db: Client;
  const suffix = uniqueSuffix();
  const campaign = { fresh: `fresh-${suffix}`, before: `before-${suffix}`, last: `last-${suffix}`, missing: `missing-${suffix}` };
  const templates: Record<string, string> = {
    // The first promocode with nothing before it: issued ahead when it is a customer's first email of the page.
    [campaign.fresh]: "Fresh: {{promocode 'WINBACK'}}.\nAgain: {{last_promocode 'WINBACK'}}.",
    // A last_promocode of the same group first: it must show the previous code, so this one is issued by the email itself.
    [campaign.before]: "Before: {{last_promocode 'WINBACK'}}.\nFresh: {{promocode 'WINBACK'}}.",
    [campaign.last]: "Shown: {{last_promocode 'WINBACK'}}.",
    // A group code-inventory does not have renders empty.
    [campaign.missing]: "Missing: {{promocode 'NO-SUCH-GROUP'}}.",
  };
  const customer = (name: string): string => `${name}-${suffix}`;

  /** Queues emails in one statement, so the dispatcher reads them as one page. */
  const queue = async (emails: readonly QueuedEmail[]): Promise<void> => {
    await insertQueuedEmails(db, emails);
    running.app.get(EmailDispatcher).kick();
  };

  const received = (count: number): Promise<readonly ReceivedEmail[]> =>
    waitFor(
      async () => {
        const all = await receivedEmails(Object.values(campaign));
        return all.length >= count ? all : undefined;
      },
      { timeoutMs: 60_000, description: `${count} emails` },
    );

  beforeAll(async () => {
    inventory = await startCodeInventory();
    const env = { ...campaignsTestEnv(await createTestDatabase()), ...inventory.campaignsEnv };
    await migrate(env);
    running = await startCampaigns(env, new EventTimeClock('2026-03-01T00:00:00Z'));
    for (const [campaignId, text] of Object.entries(templates)) {
      const created = await adminRequest(running.baseUrl, 'POST', '/v1/campaigns', { campaignId, name: campaignId, kind: 'retention', minimumDaysInactive: 60, template: { subject: campaignId, text } });
      expect(created.status).toBe(201);
    }
    db = new Client({ connectionString: env.PG_URL, options: '-c search_path=campaigns' });
    await db.connect();
  }, 120_000);

  afterAll(async () => {
    await db.end();
    await running.app.close();
    await dropTestDatabase(running.config.PG_URL);
    await inventory.stop();
    await deleteReceived(Object.values(campaign));
  }, 60_000);

  it('gives every email of a page the codes it would show sent one by one', async () => {
    // Before the page: cu-4 already has a code from the group.
    await queue([{ customer: customer('cu-4'), campaignId: campaign.fresh, dueAt: '2026-02-01T10:00:00Z' }]);
    const [earlier] = await received(1);
    const previous = shown(earlier?.text ?? '', 'Fresh');
    expect(previous).not.toBe('');

    await queue([
      { customer: customer('cu-1'), campaignId: campaign.fresh, dueAt: '2026-02-02T10:00:00Z' },
      { customer: customer('cu-1'), campaignId: campaign.last, dueAt: '2026-02-02T11:00:00Z' },
      { customer: customer('cu-2'), campaignId: campaign.last, dueAt: '2026-02-02T10:00:00Z' },
      { customer: customer('cu-2'), campaignId: campaign.fresh, dueAt: '2026-02-02T11:00:00Z' },
      { customer: customer('cu-3'), campaignId: campaign.before, dueAt: '2026-02-02T10:00:00Z' },
      { customer: customer('cu-4'), campaignId: campaign.fresh, dueAt: '2026-02-02T10:00:00Z' },
      { customer: customer('cu-4'), campaignId: campaign.before, dueAt: '2026-02-02T11:00:00Z' },
      { customer: customer('cu-4'), campaignId: campaign.last, dueAt: '2026-02-02T12:00:00Z' },
      { customer: customer('cu-5'), campaignId: campaign.fresh, dueAt: '2026-02-02T10:00:00Z' },
      { customer: customer('cu-6'), campaignId: campaign.missing, dueAt: '2026-02-02T10:00:00Z' },
    ]);
    const all = await received(11);
    const textOf = (name: string, campaignId: string, dueAt: string): string => {
      const found = all.filter((email) => email.customerId === customer(name) && email.campaignId === campaignId && email.dueAt === dueAt);
      expect(found).toHaveLength(1);
      return found[0]?.text ?? '';
    };

    const one = textOf('cu-1', campaign.fresh, '2026-02-02T10:00:00.000Z');
    const f1 = shown(one, 'Fresh');
    expect(shown(one, 'Again')).toBe(f1);
    expect(shown(textOf('cu-1', campaign.last, '2026-02-02T11:00:00.000Z'), 'Shown')).toBe(f1);

    expect(shown(textOf('cu-2', campaign.last, '2026-02-02T10:00:00.000Z'), 'Shown')).toBe('');
    const two = textOf('cu-2', campaign.fresh, '2026-02-02T11:00:00.000Z');
    const f2 = shown(two, 'Fresh');
    expect(shown(two, 'Again')).toBe(f2);

    const three = textOf('cu-3', campaign.before, '2026-02-02T10:00:00.000Z');
    expect(shown(three, 'Before')).toBe('');
    const f3 = shown(three, 'Fresh');

    const fourA = textOf('cu-4', campaign.fresh, '2026-02-02T10:00:00.000Z');
    const f4 = shown(fourA, 'Fresh');
    expect(shown(fourA, 'Again')).toBe(f4);
    const fourB = textOf('cu-4', campaign.before, '2026-02-02T11:00:00.000Z');
    expect(shown(fourB, 'Before')).toBe(f4);
    const f5 = shown(fourB, 'Fresh');
    expect(shown(textOf('cu-4', campaign.last, '2026-02-02T12:00:00.000Z'), 'Shown')).toBe(f5);

    const five = textOf('cu-5', campaign.fresh, '2026-02-02T10:00:00.000Z');
    const f6 = shown(five, 'Fresh');
    expect(shown(five, 'Again')).toBe(f6);
    expect(shown(textOf('cu-6', campaign.missing, '2026-02-02T10:00:00.000Z'), 'Missing')).toBe('');

    const fresh = [previous, f1, f2, f3, f4, f5, f6];
    expect(fresh.every((code) => code !== '')).toBe(true);
    expect(new Set(fresh).size).toBe(fresh.length);

    // Each email row keeps the fresh code it showed, with a token that lets only its customer use it. The
    // server has the last message a moment before its row is recorded sent.
    await waitFor(async () => (await db.query(`SELECT 1 FROM emails WHERE status = 'queued'`)).rows.length === 0, { timeoutMs: 20_000, description: 'every email recorded sent' });
    const { rows } = await db.query<{ customer_id: string; campaign_id: string; code: string | null; code_token: string | null; status: string }>(
      `SELECT customer_id, campaign_id, code, code_token, status FROM emails WHERE due_at >= '2026-02-02' ORDER BY customer_id, due_at`,
    );
    expect(rows.map((row) => [row.customer_id, row.campaign_id, row.code, row.status])).toEqual([
      [customer('cu-1'), campaign.fresh, f1, 'sent'],
      [customer('cu-1'), campaign.last, null, 'sent'],
      [customer('cu-2'), campaign.last, null, 'sent'],
      [customer('cu-2'), campaign.fresh, f2, 'sent'],
      [customer('cu-3'), campaign.before, f3, 'sent'],
      [customer('cu-4'), campaign.fresh, f4, 'sent'],
      [customer('cu-4'), campaign.before, f5, 'sent'],
      [customer('cu-4'), campaign.last, null, 'sent'],
      [customer('cu-5'), campaign.fresh, f6, 'sent'],
      [customer('cu-6'), campaign.missing, null, 'sent'],
    ]);
    const ofOne = rows[0];
    expect(await inventory.lookUp(f1, customer('cu-1'), ofOne?.code_token ?? '')).toMatchObject({ state: 'issued', isBound: true, tokenValid: true });
    expect(await inventory.lookUp(f1, customer('cu-5'), ofOne?.code_token ?? '')).toMatchObject({ tokenValid: false });
  });
});
