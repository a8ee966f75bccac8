import { uniqueSuffix } from '@promo/platform/testing';
import { aGroupWithCodes } from './builders/code-group.builder';
import { type InventoryApp, startInventoryApp } from './support/inventory-app';

interface IssueBody {
  code: string | null;
  issue: 'first' | 'repeat' | null;
  token: string | null;
  promotionId: string | null;
}

const NOTHING: IssueBody = { code: null, issue: null, token: null, promotionId: null };

describe('code lookup and issuing (C1, C2, C7, C8, C10)', () => {
  let inventory: InventoryApp;

  beforeAll(async () => {
    inventory = await startInventoryApp();
  });

  afterAll(async () => {
    await inventory.close();
  });

  const issue = async (groupId: string, body: Record<string, unknown>): Promise<IssueBody> => {
    const response = await inventory.admin('POST', `/v1/groups/${groupId}/issue`, body);
    expect(response.status).toBe(200);
    return (await response.json()) as IssueBody;
  };

  it('looks a code up as typed, trimmed and case-folded, with its promotion, group, state and binding', async () => {
    const { groupId, promotionId, codes } = await aGroupWithCodes(inventory, 1);
    const typed = `  ${(codes[0] ?? '').toLowerCase()} `;
    const response = await inventory.storefront('GET', `/v1/codes/${encodeURIComponent(typed)}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      code: codes[0],
      normalizedCode: (codes[0] ?? '').toLowerCase(),
      promotionId,
      groupId,
      state: 'available',
      hidden: false,
      isBound: false,
      tokenValid: null,
    });
  });

  it('answers 400 naming a repeated or overlong lookup parameter', async () => {
    const response = await inventory.storefront('GET', `/v1/codes/ANY?customerId=a&customerId=b&token=${'t'.repeat(1001)}`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { field: string; reason: string }[] }).errors.map((e) => `${e.field}:${e.reason}`)).toEqual(['customerId:invalid_type', 'token:too_long']);
  });

  it('answers 404 problem for a code the store does not have', async () => {
    const response = await inventory.storefront('GET', `/v1/codes/NOPE-${uniqueSuffix()}`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ type: '/problems/not-found', status: 404 });
  });

  it('keeps a shared code unique whatever its case and never lists a hidden one, which still works when typed', async () => {
    const suffix = uniqueSuffix().toUpperCase();
    const promotionId = `promo-shared-${suffix}`;
    expect((await inventory.admin('POST', '/v1/codes', { code: `WELCOME${suffix}`, promotionId })).status).toBe(201);
    expect((await inventory.admin('POST', '/v1/codes', { code: `VIP${suffix}`, promotionId, hidden: true })).status).toBe(201);
    const duplicate = await inventory.admin('POST', '/v1/codes', { code: ` welcome${suffix.toLowerCase()} `, promotionId: 'promo-other' });
    expect(duplicate.status).toBe(409);
    expect(((await duplicate.json()) as { detail: string }).detail).toContain(`promotion ${promotionId}`);

    const listing = (await (await inventory.storefront('GET', `/v1/promotions/${promotionId}/codes`)).json()) as { codes: { code: string }[] };
    expect(listing.codes.map((c) => c.code)).toEqual([`WELCOME${suffix}`]);
    const hidden = (await (await inventory.storefront('GET', `/v1/codes/vip${suffix}`)).json()) as { hidden: boolean; groupId: string | null };
    expect(hidden).toMatchObject({ hidden: true, groupId: null });
  });

  it('gives 50 concurrent first issues from a group of 40 exactly 40 distinct codes and 10 empty answers', async () => {
    const { groupId, promotionId, codes } = await aGroupWithCodes(inventory, 40);
    const answers = await Promise.all(Array.from({ length: 50 }, (_, index) => issue(groupId, { customerId: `cu-${index}`, mode: 'first' })));
    const given = answers.flatMap((answer) => (answer.code === null ? [] : [answer.code]));
    expect(given).toHaveLength(40);
    expect(new Set(given).size).toBe(40);
    expect([...given].sort()).toEqual([...codes].sort());
    expect(answers.filter((answer) => answer.code === null)).toEqual(Array.from({ length: 10 }, () => ({ code: null, issue: null, token: null, promotionId: null })));
    expect(answers.filter((answer) => answer.code !== null).every((answer) => answer.issue === 'first' && answer.promotionId === promotionId)).toBe(true);

    const group = (await (await inventory.admin('GET', `/v1/groups/${groupId}`)).json()) as Record<string, unknown>;
    expect(group).toMatchObject({ total: 40, available: 0, issued: 40, redeemed: 0 });
    const { rows } = await inventory.sql.query<{ n: string }>(`SELECT count(DISTINCT issued_to) AS n FROM codes WHERE group_id = $1 AND state = 'issued'`, [groupId]);
    expect(rows[0]?.n).toBe('40');
  });

  it('re-issues the same code only from a group the customer already had one from, otherwise answers empty', async () => {
    const { groupId } = await aGroupWithCodes(inventory, 3);
    const other = await aGroupWithCodes(inventory, 3);
    const before = await issue(groupId, { customerId: 'cu-reissue', mode: 'reissue' });
    expect(before).toEqual({ code: null, issue: null, token: null, promotionId: null });

    const first = await issue(groupId, { customerId: 'cu-reissue', mode: 'first' });
    const again = await issue(groupId, { customerId: 'cu-reissue', mode: 'reissue' });
    expect(again).toMatchObject({ code: first.code, issue: 'repeat' });
    const elsewhere = await issue(other.groupId, { customerId: 'cu-reissue', mode: 'reissue' });
    expect(elsewhere.code).toBeNull();

    const group = (await (await inventory.admin('GET', `/v1/groups/${groupId}`)).json()) as Record<string, unknown>;
    expect(group).toMatchObject({ total: 3, available: 2, issued: 1 });

    const history = (await (await inventory.admin('GET', '/v1/customers/cu-reissue/codes')).json()) as { codesIssued: number; issues: { code: string; issue: string; groupId: string }[] };
    const ofGroup = history.issues.filter((entry) => entry.groupId === groupId);
    expect(ofGroup.map((entry) => [entry.code, entry.issue])).toEqual([
      [first.code, 'first'],
      [first.code, 'repeat'],
    ]);
    const segment = (await (await inventory.admin('GET', `/v1/groups/${groupId}/customers`)).json()) as { customers: unknown[] };
    expect(segment.customers).toEqual([{ customerId: 'cu-reissue', codesIssued: 1 }]);
  });

  it('lists the segment of customers with N or more codes from a group, a page at a time', async () => {
    const { groupId } = await aGroupWithCodes(inventory, 6);
    // seg-a and seg-c get two codes each, seg-b one; a re-issue is not a further code.
    for (const customerId of ['seg-a', 'seg-a', 'seg-b', 'seg-c', 'seg-c']) await issue(groupId, { customerId, mode: 'first' });
    await issue(groupId, { customerId: 'seg-b', mode: 'reissue' });
    type Page = { customers: { customerId: string; codesIssued: number }[]; next: string | null };
    const page = async (query: string): Promise<Page> => (await (await inventory.admin('GET', `/v1/groups/${groupId}/customers?${query}`)).json()) as Page;

    expect(await page('minCodes=2&limit=1')).toEqual({ customers: [{ customerId: 'seg-a', codesIssued: 2 }], next: 'seg-a' });
    expect(await page('minCodes=2&limit=1&after=seg-a')).toEqual({ customers: [{ customerId: 'seg-c', codesIssued: 2 }], next: 'seg-c' });
    expect(await page('minCodes=2&limit=1&after=seg-c')).toEqual({ customers: [], next: null });
    expect((await page('limit=10')).customers.map((c) => c.customerId)).toEqual(['seg-a', 'seg-b', 'seg-c']);

    const bad = await inventory.admin('GET', `/v1/groups/${groupId}/customers?minCodes=0`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['minCodes']);
  });

  it('answers 404 for issuing from a group that does not exist and 400 naming a bad field', async () => {
    const missing = await inventory.admin('POST', `/v1/groups/NOPE${uniqueSuffix()}/issue`, { customerId: 'cu-1', mode: 'first' });
    expect(missing.status).toBe(404);
    const bad = await inventory.admin('POST', `/v1/groups/NOPE/issue`, { customerId: 'cu-1', mode: 'second' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['mode']);
  });

  it('binds an email code to its customer with a token that only that customer can use (C10)', async () => {
    const { groupId } = await aGroupWithCodes(inventory, 2);
    const bound = await issue(groupId, { customerId: 'cu-email', mode: 'first', bindToCustomer: true });
    expect(bound.token).toEqual(expect.any(String));
    const path = `/v1/codes/${bound.code ?? ''}`;
    const mine = (await (await inventory.storefront('GET', `${path}?customerId=cu-email&token=${encodeURIComponent(bound.token ?? '')}`)).json()) as Record<string, unknown>;
    expect(mine).toMatchObject({ isBound: true, state: 'issued', tokenValid: true });
    const someoneElse = (await (await inventory.storefront('GET', `${path}?customerId=cu-thief&token=${encodeURIComponent(bound.token ?? '')}`)).json()) as Record<string, unknown>;
    expect(someoneElse).toMatchObject({ tokenValid: false });
    const forged = `${(bound.token ?? '').slice(0, -4)}AAAA`;
    const tampered = (await (await inventory.storefront('GET', `${path}?customerId=cu-email&token=${encodeURIComponent(forged)}`)).json()) as Record<string, unknown>;
    expect(tampered).toMatchObject({ tokenValid: false });
  });

  it('refuses to delete a group while it has issued codes, unless forced', async () => {
    const { groupId, codes } = await aGroupWithCodes(inventory, 2);
    await issue(groupId, { customerId: 'cu-del', mode: 'first' });
    const refused = await inventory.admin('DELETE', `/v1/groups/${groupId}`);
    expect(refused.status).toBe(409);
    const renamed = await inventory.admin('PATCH', `/v1/groups/${groupId}`, { name: 'Renamed' });
    expect(await renamed.json()).toMatchObject({ name: 'Renamed', total: 2 });
    const forced = await inventory.admin('DELETE', `/v1/groups/${groupId}?force=true`);
    expect(await forced.json()).toEqual({ deletedCodes: 2 });
    expect((await inventory.storefront('GET', `/v1/codes/${codes[0] ?? ''}`)).status).toBe(404);
  });

  describe('in batches: many issues from one group in one transaction', () => {
    const issueBatch = async (groupId: string, requests: readonly Record<string, unknown>[]): Promise<IssueBody[]> => {
      const response = await inventory.admin('POST', `/v1/groups/${groupId}/issue-batch`, { requests });
      expect(response.status).toBe(200);
      return ((await response.json()) as { results: IssueBody[] }).results;
    };

    it('gives 50 first issues in 2 concurrent batches from a group of 40 exactly 40 distinct codes and 10 empty answers', async () => {
      const { groupId, promotionId, codes } = await aGroupWithCodes(inventory, 40);
      const batch = (from: number) => Array.from({ length: 25 }, (_, index) => ({ customerId: `cu-b${from + index}`, mode: 'first' }));
      const answers = (await Promise.all([issueBatch(groupId, batch(0)), issueBatch(groupId, batch(25))])).flat();

      expect(answers).toHaveLength(50);
      const given = answers.flatMap((answer) => (answer.code === null ? [] : [answer.code]));
      expect([...given].sort()).toEqual([...codes].sort());
      expect(answers.filter((answer) => answer.code === null)).toEqual(Array.from({ length: 10 }, () => NOTHING));
      expect(answers.filter((answer) => answer.code !== null).every((answer) => answer.issue === 'first' && answer.promotionId === promotionId && answer.token === null)).toBe(true);

      const group = (await (await inventory.admin('GET', `/v1/groups/${groupId}`)).json()) as Record<string, unknown>;
      expect(group).toMatchObject({ total: 40, available: 0, issued: 40, redeemed: 0 });
      // Each answered customer holds the code the batch answered it with.
      const { rows } = await inventory.sql.query<{ code: string; issued_to: string }>(`SELECT code, issued_to FROM codes WHERE group_id = $1 AND state = 'issued'`, [groupId]);
      const holders = new Map(rows.map((row) => [row.code, row.issued_to]));
      const expectedHolders = new Map(answers.flatMap((answer, index) => (answer.code === null ? [] : [[answer.code, `cu-b${index}`] as const])));
      expect(holders).toEqual(expectedHolders);
      const history = await inventory.sql.query<{ n: string }>(`SELECT count(*) AS n FROM code_issues WHERE group_id = $1 AND issue = 'first'`, [groupId]);
      expect(history.rows[0]?.n).toBe('40');
      const events = await inventory.sql.query<{ topic: string; n: string }>(
        `SELECT topic, count(*) AS n FROM outbox_messages
          WHERE topic IN ('code-inventory.code-issued', 'code-inventory.code-changed') AND value::jsonb -> 'data' ->> 'groupId' = $1 GROUP BY topic ORDER BY topic`,
        [groupId],
      );
      expect(events.rows).toEqual([
        { topic: 'code-inventory.code-changed', n: '40' },
        { topic: 'code-inventory.code-issued', n: '40' },
      ]);
    });

    it('answers re-issue entries as the single re-issue would have, one after the other in request order', async () => {
      const { groupId, promotionId } = await aGroupWithCodes(inventory, 5);
      const suffix = uniqueSuffix();
      const [a, b, c] = [`cu-a-${suffix}`, `cu-b-${suffix}`, `cu-c-${suffix}`];
      const earlier = await issue(groupId, { customerId: c, mode: 'first' });

      const answers = await issueBatch(groupId, [
        { customerId: a, mode: 'reissue' },
        { customerId: a, mode: 'first' },
        { customerId: a, mode: 'reissue' },
        { customerId: b, mode: 'first', bindToCustomer: true },
        { customerId: c, mode: 'reissue' },
        { customerId: a, mode: 'reissue', bindToCustomer: true },
      ]);

      const codeOfA = answers[1]?.code ?? '';
      expect(codeOfA).not.toBe('');
      expect(answers[0]).toEqual(NOTHING);
      expect(answers[1]).toEqual({ code: codeOfA, issue: 'first', token: null, promotionId });
      expect(answers[2]).toEqual({ code: codeOfA, issue: 'repeat', token: null, promotionId });
      expect(answers[3]).toMatchObject({ issue: 'first', token: expect.any(String), promotionId });
      expect([codeOfA, earlier.code]).not.toContain(answers[3]?.code);
      expect(answers[4]).toEqual({ code: earlier.code, issue: 'repeat', token: null, promotionId });
      expect(answers[5]).toMatchObject({ code: codeOfA, issue: 'repeat', token: expect.any(String) });

      // The bound re-issue bound the code it showed, and its token works for that customer only.
      const lookup = async (code: string, customerId: string, token: string) =>
        (await (await inventory.storefront('GET', `/v1/codes/${code}?customerId=${customerId}&token=${encodeURIComponent(token)}`)).json()) as Record<string, unknown>;
      expect(await lookup(codeOfA, a, answers[5]?.token ?? '')).toMatchObject({ isBound: true, tokenValid: true });
      expect(await lookup(answers[3]?.code ?? '', b, answers[3]?.token ?? '')).toMatchObject({ isBound: true, tokenValid: true });

      const historyOfA = (await (await inventory.admin('GET', `/v1/customers/${a}/codes`)).json()) as { codesIssued: number; issues: { code: string; issue: string }[] };
      expect(historyOfA.codesIssued).toBe(1);
      expect(historyOfA.issues.map((entry) => [entry.code, entry.issue])).toEqual([
        [codeOfA, 'first'],
        [codeOfA, 'repeat'],
        [codeOfA, 'repeat'],
      ]);
      const group = (await (await inventory.admin('GET', `/v1/groups/${groupId}`)).json()) as Record<string, unknown>;
      expect(group).toMatchObject({ total: 5, available: 2, issued: 3 });
    });

    it('answers 404 for a group that does not exist and 400 naming the entry or the size that is wrong', async () => {
      const missing = await inventory.admin('POST', `/v1/groups/NOPE${uniqueSuffix()}/issue-batch`, { requests: [{ customerId: 'cu-1', mode: 'first' }] });
      expect(missing.status).toBe(404);

      const errorsOf = async (body: unknown): Promise<string[]> => {
        const response = await inventory.admin('POST', `/v1/groups/NOPE/issue-batch`, body);
        expect(response.status).toBe(400);
        return ((await response.json()) as { errors: { field: string; reason: string }[] }).errors.map((e) => `${e.field}:${e.reason}`);
      };
      expect(await errorsOf({ requests: [{ customerId: 'cu-1', mode: 'first' }, { customerId: 'cu-2', mode: 'second' }] })).toEqual(['requests[1].mode:wrong_type']);
      expect(await errorsOf({ requests: [{ mode: 'first' }] })).toContain('requests[0].customerId:required');
      expect(await errorsOf({ requests: [] })).toEqual(['requests:out_of_range']);
      expect(await errorsOf({ requests: Array.from({ length: 501 }, (_, index) => ({ customerId: `cu-${index}`, mode: 'first' })) })).toEqual(['requests:out_of_range']);
    });
  });
});
