import { uniqueSuffix } from '@promo/platform/testing';
import { aGroupWithCodes } from './builders/code-group.builder';
import { type InventoryApp, startInventoryApp } from './support/inventory-app';

interface IssueBody {
  code: string | null;
  issue: 'first' | 'repeat' | null;
  token: string | null;
  promotionId: string | null;
}

const EMPTY: IssueBody = { code: null, issue: null, token: null, promotionId: null };

describe('batch issuing: many issues from one group in one transaction (C7, C10)', () => {
  let inventory: InventoryApp;

  beforeAll(async () => {
    inventory = await startInventoryApp();
  });

  afterAll(async () => {
    await inventory.close();
  });

  const issueBatch = async (groupId: string, requests: readonly Record<string, unknown>[]): Promise<IssueBody[]> => {
    const response = await inventory.admin('POST', `/v1/groups/${groupId}/issue-batch`, { requests });
    expect(response.status).toBe(200);
    return ((await response.json()) as { results: IssueBody[] }).results;
  };

  const issue = async (groupId: string, body: Record<string, unknown>): Promise<IssueBody> => {
    const response = await inventory.admin('POST', `/v1/groups/${groupId}/issue`, body);
    expect(response.status).toBe(200);
    return (await response.json()) as IssueBody;
  };

  it('gives 50 first issues in 2 concurrent batches from a group of 40 exactly 40 distinct codes and 10 empty answers', async () => {
    const { groupId, promotionId, codes } = await aGroupWithCodes(inventory, 40);
    const batch = (from: number) => Array.from({ length: 25 }, (_, index) => ({ customerId: `cu-b${from + index}`, mode: 'first' }));
    const answers = (await Promise.all([issueBatch(groupId, batch(0)), issueBatch(groupId, batch(25))])).flat();

    expect(answers).toHaveLength(50);
    const given = answers.flatMap((answer) => (answer.code === null ? [] : [answer.code]));
    expect([...given].sort()).toEqual([...codes].sort());
    expect(answers.filter((answer) => answer.code === null)).toEqual(Array.from({ length: 10 }, () => EMPTY));
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
    expect(answers[0]).toEqual(EMPTY);
    expect(answers[1]).toEqual({ code: codeOfA, issue: 'first', token: null, promotionId });
    expect(answers[2]).toEqual({ code: codeOfA, issue: 'repeat', token: null, promotionId });
    expect(answers[3]).toMatchObject({ issue: 'first', token: expect.any(String), promotionId });
    expect([codeOfA, earlier.code]).not.toContain(answers[3]?.code);
    expect(answers[4]).toEqual({ code: earlier.code, issue: 'repeat', token: null, promotionId });
    expect(answers[5]).toMatchObject({ code: codeOfA, issue: 'repeat', token: expect.any(String) });

    // The bound re-issue bound the code it showed, and its token works for that customer only.
    const lookup = async (code: string, customerId: string, token: string) =>
      (await (await inventory.storefront('GET', `/v1/codes/${code}?customerId=${customerId}&token=${encodeURIComponent(token)}`)).json()) as Record<string, unknown>;
    expect(await lookup(codeOfA, a, answers[5]?.token ?? '')).toMatchObject({ boundCustomerId: a, tokenValid: true });
    expect(await lookup(answers[3]?.code ?? '', b, answers[3]?.token ?? '')).toMatchObject({ boundCustomerId: b, tokenValid: true });

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
