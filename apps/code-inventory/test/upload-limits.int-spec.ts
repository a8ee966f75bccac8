import { createTestDatabase, dropTestDatabase, uniqueSuffix, waitFor } from '@promo/platform/testing';
import { aGroupWithCodes } from './builders/code-group.builder';
import { ADMIN_KEY, type InventoryApp, startInventoryApp } from './support/inventory-app';

/** #19 (smaller holes): the streaming upload (C4) has caps, and does not hold its group's row lock while it reads. */
describe('streaming upload limits (C4)', () => {
  let inventory: InventoryApp;
  let database: string;

  beforeAll(async () => {
    // A database of its own: the test watches its sessions in pg_stat_activity.
    database = await createTestDatabase('code_inventory_upload');
    inventory = await startInventoryApp({ PG_URL: database, UPLOAD_MAX_BYTES: '2000', UPLOAD_MAX_LINES: '50' });
  });

  afterAll(async () => {
    await inventory.close();
    await dropTestDatabase(database, 'code_inventory_upload');
  });

  const stream = (groupId: string, body: string | ReadableStream<Uint8Array>): Promise<Response> =>
    fetch(`${inventory.baseUrl}/v1/groups/${groupId}/codes/stream`, {
      method: 'POST',
      headers: { 'x-api-key': ADMIN_KEY, 'content-type': 'text/plain' },
      body,
      ...(typeof body === 'string' ? {} : { duplex: 'half' }),
    } as RequestInit);

  const countOf = async (groupId: string): Promise<number> => {
    const { rows } = await inventory.sql.query<{ n: string }>(`SELECT count(*) AS n FROM codes WHERE group_id = $1`, [groupId]);
    return Number(rows[0]?.n);
  };

  it('refuses a body over the byte cap with 413 naming the cap, and imports nothing', async () => {
    const { groupId } = await aGroupWithCodes(inventory, 0);
    const s = uniqueSuffix().toUpperCase();
    // 40 lines of 60 characters: 2,440 bytes, over the 2,000-byte cap, under the 50-line cap.
    const body = Array.from({ length: 40 }, (_, i) => `B${s}-${String(i).padStart(4, '0')}`.padEnd(60, 'X')).join('\n');
    const response = await stream(groupId, body);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ status: 413, detail: 'the upload is larger than the cap of 2000 bytes (UPLOAD_MAX_BYTES); nothing was imported' });
    expect(await countOf(groupId)).toBe(0);
  });

  it('refuses more lines than the line cap with 400 naming the cap, and imports nothing', async () => {
    const { groupId } = await aGroupWithCodes(inventory, 0);
    const s = uniqueSuffix().toUpperCase();
    const body = Array.from({ length: 51 }, (_, i) => `L${s}-${i}`).join('\n');
    const response = await stream(groupId, body);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      status: 400,
      errors: [{ field: 'line 51', reason: 'too_many_lines', detail: 'the upload has more than the cap of 50 lines (UPLOAD_MAX_LINES); nothing was imported' }],
    });
    expect(await countOf(groupId)).toBe(0);
  });

  it("leaves the group's row unlocked while the body is still arriving, then imports it", async () => {
    const { groupId } = await aGroupWithCodes(inventory, 0);
    const s = uniqueSuffix().toUpperCase();
    const encoder = new TextEncoder();
    let send!: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({ start: (controller) => void (send = controller) });
    send.enqueue(encoder.encode(`S${s}-1\nS${s}-2\n`));
    const response = stream(groupId, body);
    // The first lines are being copied into the staging table: the upload is under way.
    await waitFor(async () => (await inventory.sql.query(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'COPY upload_staging%'`)).rowCount === 1, {
      description: 'the upload to be reading its body',
    });

    const client = await inventory.sql.connect();
    let lockedBy: string | null = null;
    try {
      await client.query('BEGIN');
      await client.query(`SELECT 1 FROM code_groups WHERE group_id = $1 FOR UPDATE NOWAIT`, [groupId]);
    } catch (error) {
      lockedBy = error instanceof Error ? error.message : String(error);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
    expect(lockedBy).toBeNull();

    send.enqueue(encoder.encode(`S${s}-3\n`));
    send.close();
    const done = await response;
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ imported: 3 });
  });
});
