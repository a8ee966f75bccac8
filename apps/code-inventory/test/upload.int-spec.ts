import { uniqueSuffix } from '@promo/platform/testing';
import { aGroupWithCodes } from './builders/code-group.builder';
import { ADMIN_KEY, type InventoryApp, startInventoryApp } from './support/inventory-app';

interface Report {
  imported: number;
  duplicates: { line: number; code: string; conflict: Record<string, unknown> }[];
  invalid: { line: number; code: string; reason: string }[];
  duplicateCount: number;
  invalidCount: number;
}

describe('upload (C4)', () => {
  let inventory: InventoryApp;

  beforeAll(async () => {
    inventory = await startInventoryApp();
  });

  afterAll(async () => {
    await inventory.close();
  });

  const countOf = async (groupId: string): Promise<number> => {
    const { rows } = await inventory.sql.query<{ n: string }>(`SELECT count(*) AS n FROM codes WHERE group_id = $1`, [groupId]);
    return Number(rows[0]?.n);
  };

  it('imports a pasted list and reports what it imported', async () => {
    const { groupId } = await aGroupWithCodes(inventory, 0);
    const s = uniqueSuffix().toUpperCase();
    const response = await inventory.admin('POST', `/v1/groups/${groupId}/codes`, { codes: [`P${s}-1`, ` P${s}-2 `, `p${s}-3`] });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ imported: 3, duplicates: [], invalid: [], duplicateCount: 0, invalidCount: 0 });
    expect(await (await inventory.admin('GET', `/v1/groups/${groupId}`)).json()).toMatchObject({ total: 3, available: 3 });
  });

  it('refuses an upload with duplicates and bad lines, naming each line, and changes nothing', async () => {
    const existing = await aGroupWithCodes(inventory, 1);
    const { groupId } = await aGroupWithCodes(inventory, 0);
    const s = uniqueSuffix().toUpperCase();
    const taken = existing.codes[0] ?? '';
    const lines = [`U${s}-1`, `U${s}-2`, `u${s}-1`, 'not a code!', taken.toLowerCase(), '', `U${s}-3`];
    const response = await inventory.admin('POST', `/v1/groups/${groupId}/codes`, { codes: lines });
    expect(response.status).toBe(400);
    const report = (await response.json()) as Report & { errors: { field: string; reason: string }[] };
    expect(report.imported).toBe(0);
    expect(report.invalid).toEqual([
      { line: 4, code: 'not a code!', reason: 'invalid_characters' },
      { line: 6, code: '', reason: 'empty' },
    ]);
    expect(report.duplicates).toEqual([
      { line: 3, code: `u${s}-1`, conflict: { source: 'file', line: 1 } },
      { line: 5, code: taken.toLowerCase(), conflict: { source: 'store', promotionId: existing.promotionId, groupId: existing.groupId } },
    ]);
    expect(report.errors.map((e) => `${e.field}:${e.reason}`)).toEqual(['line 4:invalid_characters', 'line 6:empty', 'line 3:duplicate_code', 'line 5:duplicate_code']);
    expect(await countOf(groupId)).toBe(0);
    expect(await (await inventory.admin('GET', `/v1/groups/${groupId}`)).json()).toMatchObject({ total: 0, available: 0 });
  });

  it('answers 409 naming the promotion and group when the only problem is codes already in the store', async () => {
    const existing = await aGroupWithCodes(inventory, 1);
    const { groupId } = await aGroupWithCodes(inventory, 0);
    const response = await inventory.admin('POST', `/v1/groups/${groupId}/codes`, { codes: [`N${uniqueSuffix()}`, existing.codes[0] ?? ''] });
    expect(response.status).toBe(409);
    const body = (await response.json()) as Report & { detail: string };
    expect(body.detail).toContain(`group ${existing.groupId} of promotion ${existing.promotionId}`);
    expect(body.duplicates).toEqual([{ line: 2, code: existing.codes[0], conflict: { source: 'store', promotionId: existing.promotionId, groupId: existing.groupId } }]);
    expect(await countOf(groupId)).toBe(0);
  });

  it('imports a CSV file sent as multipart, skipping its header', async () => {
    const { groupId } = await aGroupWithCodes(inventory, 0);
    const s = uniqueSuffix().toUpperCase();
    const form = new FormData();
    form.append('file', new Blob([`code,note\nF${s}-1,first\n"F${s}-2",second\r\nF${s}-3\n`], { type: 'text/csv' }), 'codes.csv');
    const response = await fetch(`${inventory.baseUrl}/v1/groups/${groupId}/codes/csv`, { method: 'POST', headers: { 'x-api-key': ADMIN_KEY }, body: form });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ imported: 3 });
    const { rows } = await inventory.sql.query<{ code: string }>(`SELECT code FROM codes WHERE group_id = $1 ORDER BY id`, [groupId]);
    expect(rows.map((row) => row.code)).toEqual([`F${s}-1`, `F${s}-2`, `F${s}-3`]);
  });

  it('imports a streamed body of 50,000 lines, and refuses one with a bad line at its end with the line number', async () => {
    const { groupId } = await aGroupWithCodes(inventory, 0);
    const s = uniqueSuffix().toUpperCase();
    const body = Array.from({ length: 50_000 }, (_, i) => `S${s}-${i}`).join('\n');
    const stream = (text: string): Promise<Response> =>
      fetch(`${inventory.baseUrl}/v1/groups/${groupId}/codes/stream`, { method: 'POST', headers: { 'x-api-key': ADMIN_KEY, 'content-type': 'text/plain' }, body: text });
    const ok = await stream(body);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ imported: 50_000 });

    const other = await aGroupWithCodes(inventory, 0);
    const refused = await fetch(`${inventory.baseUrl}/v1/groups/${other.groupId}/codes/stream`, {
      method: 'POST',
      headers: { 'x-api-key': ADMIN_KEY, 'content-type': 'text/plain' },
      body: `${Array.from({ length: 999 }, (_, i) => `T${s}-${i}`).join('\n')}\nbad;code`,
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as Report).invalid).toEqual([{ line: 1000, code: 'bad;code', reason: 'invalid_characters' }]);
    expect(await countOf(other.groupId)).toBe(0);
  });
});
