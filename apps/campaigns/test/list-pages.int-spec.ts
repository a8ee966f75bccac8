import { DataSource } from 'typeorm';
import { adminRequest, dropTestDatabase, type RunningCampaigns } from './support/campaigns-test-env';
import { startTimelineInstance } from './support/scenario-run';

interface Page {
  readonly items: readonly Record<string, unknown>[];
  readonly nextCursor?: string | null;
}

function asPage(body: unknown): Page {
  if (typeof body !== 'object' || body === null || !Array.isArray(Reflect.get(body, 'items'))) throw new Error(`not a page: ${JSON.stringify(body).slice(0, 200)}`);
  return body as Page;
}

/** The sizes of the pages of `path` and every row's `key`, following nextCursor to the end. */
async function readAllPages(baseUrl: string, path: string, key: string): Promise<{ readonly sizes: number[]; readonly keys: string[] }> {
  const sizes: number[] = [];
  const keys: string[] = [];
  let cursor: string | null | undefined;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const answer = await adminRequest(baseUrl, 'GET', cursor ? `${path}${separator}cursor=${encodeURIComponent(cursor)}` : path);
    expect(answer.status).toBe(200);
    const page = asPage(answer.body);
    sizes.push(page.items.length);
    keys.push(...page.items.map((item) => String(item[key])));
    cursor = page.nextCursor;
  } while (cursor && sizes.length < 10);
  return { sizes, keys };
}

const numbered = (count: number, name: (i: number) => string): string[] => Array.from({ length: count }, (_, i) => name(i));

/** #19 (smaller holes): `GET /v1/emails` and `GET /v1/suppressions` answered every row at once. */
describe('list pages', () => {
  let running: RunningCampaigns;

  beforeAll(async () => {
    running = (await startTimelineInstance()).running;
    // 250 suppressions, all created at the same instant (the event-time clock has seen no event): the address breaks the tie.
    for (const address of numbered(250, (i) => `s-${String(i).padStart(3, '0')}@example.test`)) {
      expect((await adminRequest(running.baseUrl, 'POST', '/v1/suppressions', { email: address })).status).toBe(201);
    }
    // 250 sent emails, two per due minute, so pages also break ties on the email id.
    await running.app.get(DataSource).query(
      `INSERT INTO emails (email_id, kind, campaign_id, step, customer_id, cart_id, recipient, due_at, message_id, status, attempts, created_at)
       SELECT 'e-' || lpad(i::text, 3, '0'), 'retention', 'rt', 1, 'cu-' || i, NULL, 'cu-' || i || '@example.test',
              timestamptz '2026-03-01T00:00:00Z' + (i / 2) * interval '1 minute', '<m-' || i || '@test>', 'sent', 1, timestamptz '2026-03-01T00:00:00Z'
       FROM generate_series(0, 249) AS i`,
    );
  }, 120_000);

  afterAll(async () => {
    await running.app.close();
    await dropTestDatabase(running.config.PG_URL);
  }, 60_000);

  it('answers suppressions 100 at a time by default, and every one exactly once across the pages', async () => {
    const all = await readAllPages(running.baseUrl, '/v1/suppressions', 'email');
    expect(all.sizes).toEqual([100, 100, 50]);
    expect(all.keys).toEqual(numbered(250, (i) => `s-${String(i).padStart(3, '0')}@example.test`));
  });

  it('answers emails in due order 100 at a time by default, or `limit` at a time, every one exactly once', async () => {
    const byDefault = await readAllPages(running.baseUrl, '/v1/emails', 'emailId');
    expect(byDefault.sizes).toEqual([100, 100, 50]);
    expect(byDefault.keys).toEqual(numbered(250, (i) => `e-${String(i).padStart(3, '0')}`));
    const byLimit = await readAllPages(running.baseUrl, '/v1/emails?kind=retention&limit=120', 'emailId');
    expect(byLimit.sizes).toEqual([120, 120, 10]);
    expect(byLimit.keys).toEqual(byDefault.keys);
  });

  it('refuses a limit beyond 1000 and a cursor it did not give, naming the field', async () => {
    const tooMany = await adminRequest(running.baseUrl, 'GET', '/v1/emails?limit=1001');
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toMatchObject({ errors: [{ field: 'limit', reason: 'out_of_range' }] });
    const forged = await adminRequest(running.baseUrl, 'GET', '/v1/suppressions?cursor=not-a-cursor');
    expect(forged.status).toBe(400);
    expect(forged.body).toMatchObject({ errors: [{ field: 'cursor', reason: 'invalid_format' }] });
  });
});
