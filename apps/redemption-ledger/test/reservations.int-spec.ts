import { ManualClock } from '@promo/platform';
import { waitFor } from '@promo/platform/testing';
import type { RedisClient } from '@promo/platform';
import type { Client } from 'pg';
import { aPromotionChange } from './builders/promotion-change.builder';
import { type LedgerHarness, startLedgerHarness } from './support/ledger-harness';
import { ADMIN_KEY, request, type RunningLedger, STOREFRONT_KEY } from './support/ledger-test-env';

describe('POST /v1/reservations', () => {
  const clock = new ManualClock('2026-11-20T10:00:00Z');
  let harness: LedgerHarness;
  let ledger: RunningLedger;
  let redis: RedisClient;
  let sql: Client;

  const reserve = (body: unknown) => request(ledger.baseUrl, STOREFRONT_KEY, 'POST', '/v1/reservations', body);
  const learn = (change: unknown) => request(ledger.baseUrl, ADMIN_KEY, 'POST', '/v1/promotion-changes', change);

  beforeAll(async () => {
    harness = await startLedgerHarness({ clock, env: { RESERVATION_TTL_MS: '60000' } });
    ({ ledger, redis, sql } = harness);
    for (const change of [
      aPromotionChange('p-total').withLimits({ totalUses: 2 }).build(),
      aPromotionChange('p-code').coupon().withLimits({ usesPerCode: 1 }).build(),
      aPromotionChange('p-coupon').coupon().withCodes('WELCOME').build(),
      aPromotionChange('p-item').withLimits({ totalUses: 3, consumeUnit: 'item' }).build(),
      aPromotionChange('p-open').build(),
      aPromotionChange('p-ttl').withLimits({ totalUses: 1 }).build(),
      aPromotionChange('p-release').withLimits({ totalUses: 1 }).build(),
      aPromotionChange('p-group').coupon().withCodes('SHARED10').withLimits({ usesPerCustomer: 5 }).build(),
      aPromotionChange('p-bulk').coupon().withLimits({ consumeUnit: 'item' }).build(),
      aPromotionChange('p-per-item').coupon().withCodes('SOCKS').withLimits({ consumeUnit: 'item' }).build(),
    ]) {
      expect((await learn(change)).status).toBe(200);
    }
  }, 60_000);

  afterAll(() => harness.close(), 60_000);

  it('reserves up to the total limit and refuses the next use naming the limit', async () => {
    const answers = [];
    for (const n of [1, 2, 3]) {
      answers.push(await reserve({ reservationId: `r-total-${n}`, cartId: `c-${n}`, customerId: `cu-${n}`, uses: [{ promotionId: 'p-total', units: 1 }] }));
    }
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers.map((a) => (a.body as { status: string }).status)).toEqual(['reserved', 'reserved', 'refused']);
    expect(answers[2]?.body).toMatchObject({ status: 'refused', uses: [{ promotionId: 'p-total', status: 'refused', reason: 'total_limit_reached', limit: 2 }] });
  });

  it('refuses a second use of a single-use code whoever asks', async () => {
    const first = await reserve({ reservationId: 'r-code-1', cartId: 'c', customerId: 'cu-a', uses: [{ promotionId: 'p-code', code: 'ONE-USE', units: 1 }] });
    const second = await reserve({ reservationId: 'r-code-2', cartId: 'c', customerId: 'cu-b', uses: [{ promotionId: 'p-code', code: ' one-use ', units: 1 }] });
    const other = await reserve({ reservationId: 'r-code-3', cartId: 'c', customerId: 'cu-b', uses: [{ promotionId: 'p-code', code: 'OTHER', units: 1 }] });
    expect(first.body).toMatchObject({ status: 'reserved' });
    expect(second.body).toMatchObject({ status: 'refused', uses: [{ reason: 'code_limit_reached', limit: 1 }] });
    expect(other.body).toMatchObject({ status: 'reserved' });
  });

  it('gives a group code one use without usesPerCode (seed 002), whoever asks, while the shared code stays open', async () => {
    const body = (n: number, customerId: string, code: string) => ({ reservationId: `r-group-${n}`, cartId: `c-${n}`, customerId, uses: [{ promotionId: 'p-group', code, units: 1 }] });
    const first = await reserve(body(1, 'cu-a', 'GRP-7Q2K'));
    const leaked = await reserve(body(2, 'cu-b', ' grp-7q2k '));
    const sameShopper = await reserve(body(3, 'cu-a', 'GRP-7Q2K'));
    const shared = [await reserve(body(4, 'cu-a', 'SHARED10')), await reserve(body(5, 'cu-b', 'shared10')), await reserve(body(6, 'cu-c', 'SHARED10'))];
    expect(first.body).toMatchObject({ status: 'reserved' });
    expect([leaked.body, sameShopper.body]).toMatchObject([
      { status: 'refused', uses: [{ status: 'refused', reason: 'code_limit_reached', limit: 1 }] },
      { status: 'refused', uses: [{ status: 'refused', reason: 'code_limit_reached', limit: 1 }] },
    ]);
    expect(shared.map((answer) => (answer.body as { status: string }).status)).toEqual(['reserved', 'reserved', 'reserved']);
    expect(await redis.get('usage:{p-group}:code:grp-7q2k')).toBe('1');
  });

  it('lets one order use a per-item group code on several items, and no second order', async () => {
    const first = await reserve({ reservationId: 'r-bulk-1', cartId: 'c-1', customerId: 'cu-a', uses: [{ promotionId: 'p-bulk', code: 'BULK-0001', units: 3 }] });
    const second = await reserve({ reservationId: 'r-bulk-2', cartId: 'c-2', customerId: 'cu-b', uses: [{ promotionId: 'p-bulk', code: 'BULK-0001', units: 1 }] });
    expect([first.body, second.body]).toMatchObject([{ status: 'reserved', uses: [{ units: 3 }] }, { status: 'refused', uses: [{ reason: 'code_limit_reached', limit: 1 }] }]);
  });

  it('counts orders, not items, against the per-customer limit of a per-item coupon (#19.5)', async () => {
    const two = await reserve({ reservationId: 'r-socks-1', cartId: 'c-1', customerId: 'cu-s', uses: [{ promotionId: 'p-per-item', code: 'SOCKS', units: 2 }] });
    const again = await reserve({ reservationId: 'r-socks-2', cartId: 'c-2', customerId: 'cu-s', uses: [{ promotionId: 'p-per-item', code: 'SOCKS', units: 1 }] });
    expect([two.body, again.body]).toMatchObject([{ status: 'reserved', uses: [{ units: 2 }] }, { status: 'refused', uses: [{ reason: 'customer_limit_reached', limit: 1 }] }]);
    expect(await redis.mget('usage:{p-per-item}:total', 'usage:{p-per-item}:customer:cu-s')).toEqual(['2', '1']);
  });

  it('gives a coupon without usesPerCustomer one use per customer', async () => {
    const first = await reserve({ reservationId: 'r-coupon-1', cartId: 'c', customerId: 'cu-x', uses: [{ promotionId: 'p-coupon', code: 'WELCOME', units: 1 }] });
    const again = await reserve({ reservationId: 'r-coupon-2', cartId: 'c', customerId: 'cu-x', uses: [{ promotionId: 'p-coupon', code: 'WELCOME', units: 1 }] });
    const someoneElse = await reserve({ reservationId: 'r-coupon-3', cartId: 'c', customerId: 'cu-y', uses: [{ promotionId: 'p-coupon', code: 'WELCOME', units: 1 }] });
    expect([first.body, again.body, someoneElse.body]).toMatchObject([{ status: 'reserved' }, { status: 'refused', uses: [{ reason: 'customer_limit_reached', limit: 1 }] }, { status: 'reserved' }]);
  });

  it('counts each discounted item of a per-item promotion as a use', async () => {
    const two = await reserve({ reservationId: 'r-item-1', cartId: 'c', customerId: 'cu-1', uses: [{ promotionId: 'p-item', units: 2 }] });
    const twoMore = await reserve({ reservationId: 'r-item-2', cartId: 'c', customerId: 'cu-2', uses: [{ promotionId: 'p-item', units: 2 }] });
    const one = await reserve({ reservationId: 'r-item-3', cartId: 'c', customerId: 'cu-3', uses: [{ promotionId: 'p-item', units: 1 }] });
    expect([two.body, twoMore.body, one.body]).toMatchObject([{ status: 'reserved', uses: [{ units: 2 }] }, { status: 'refused', uses: [{ reason: 'total_limit_reached' }] }, { status: 'reserved' }]);
  });

  it('reserves every use or none: a refused later promotion releases the earlier one', async () => {
    const answer = await reserve({
      reservationId: 'r-all-or-none',
      cartId: 'c',
      customerId: 'cu-a',
      uses: [
        { promotionId: 'p-open', units: 1 },
        { promotionId: 'p-code', code: 'ONE-USE', units: 1 },
      ],
    });
    expect(answer.body).toMatchObject({ status: 'refused', uses: [{ promotionId: 'p-open', status: 'not_reserved' }, { promotionId: 'p-code', status: 'refused', reason: 'code_limit_reached' }] });
    expect(await redis.get('usage:{p-open}:total')).toBe('0');
    const rows = await sql.query(`SELECT count(*)::int AS n FROM usage_holds WHERE reservation_id = 'r-all-or-none'`);
    expect(rows.rows[0]).toEqual({ n: 0 });
  });

  it('answers a replay of the same reservation with the same result, and 409 for another body under its id', async () => {
    const body = { reservationId: 'r-replay', cartId: 'c', customerId: 'cu-r', uses: [{ promotionId: 'p-open', units: 1 }] };
    const first = await reserve(body);
    const replay = await reserve(body);
    const conflict = await reserve({ ...body, uses: [{ promotionId: 'p-open', units: 3 }] });
    expect(first.body).toMatchObject({ status: 'reserved' });
    expect(replay.body).toMatchObject({ status: 'reserved', reservationId: 'r-replay' });
    expect(conflict.status).toBe(409);
    expect(conflict.body).toMatchObject({ status: 409, type: '/problems/reservation-id-reused' });
    const held = await sql.query(`SELECT count(*)::int AS n FROM usage_holds WHERE reservation_id = 'r-replay' AND state = 'reserved'`);
    expect(held.rows[0]).toEqual({ n: 1 });
  });

  it('answers 400 naming the field for negative units, empty uses and an unknown promotion', async () => {
    const negative = await reserve({ reservationId: 'r-bad-1', cartId: 'c', customerId: 'cu', uses: [{ promotionId: 'p-open', units: -2 }] });
    const empty = await reserve({ reservationId: 'r-bad-2', cartId: 'c', customerId: 'cu', uses: [] });
    const unknown = await reserve({ reservationId: 'r-bad-3', cartId: 'c', customerId: 'cu', uses: [{ promotionId: 'p-open', units: 1 }, { promotionId: 'p-nobody-knows', units: 1 }] });
    expect(negative.status).toBe(400);
    expect(negative.body).toMatchObject({ errors: [{ field: 'uses[0].units', reason: 'out_of_range' }] });
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ errors: [{ field: 'uses', reason: 'out_of_range' }] });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ errors: [{ field: 'uses[1].promotionId', reason: 'unknown_promotion' }] });
    expect(await redis.get('usage:{p-open}:total')).toBe('1'); // only r-replay's use: the unknown promotion rolled p-open back
  });

  it('expires a reservation after its TTL by the clock and gives the use back', async () => {
    const first = await reserve({ reservationId: 'r-ttl-1', cartId: 'c', customerId: 'cu-1', uses: [{ promotionId: 'p-ttl', units: 1 }] });
    const blocked = await reserve({ reservationId: 'r-ttl-2', cartId: 'c', customerId: 'cu-2', uses: [{ promotionId: 'p-ttl', units: 1 }] });
    expect([first.body, blocked.body]).toMatchObject([{ status: 'reserved', expiresAt: '2026-11-20T10:01:00.000Z' }, { status: 'refused' }]);
    clock.advance(60_001);
    await waitFor(async () => (await sql.query(`SELECT status FROM reservations WHERE reservation_id = 'r-ttl-1'`)).rows[0]?.status === 'expired', { description: 'r-ttl-1 expired' });
    const after = await reserve({ reservationId: 'r-ttl-3', cartId: 'c', customerId: 'cu-3', uses: [{ promotionId: 'p-ttl', units: 1 }] });
    expect(after.body).toMatchObject({ status: 'reserved' });
    const kinds = await request(ledger.baseUrl, ADMIN_KEY, 'GET', '/v1/ledger?promotionId=p-ttl');
    expect((kinds.body as { items: { kind: string; reservationId: string }[] }).items.map((e) => [e.kind, e.reservationId])).toEqual([
      ['reserved', 'r-ttl-1'],
      ['expired', 'r-ttl-1'],
      ['reserved', 'r-ttl-3'],
    ]);
  });

  it('gives a released reservation’s use back once, and answers 404 for an unknown one', async () => {
    const release = (id: string) => request(ledger.baseUrl, STOREFRONT_KEY, 'POST', `/v1/reservations/${id}/release`);
    expect((await reserve({ reservationId: 'r-rel-1', cartId: 'c', customerId: 'cu-1', uses: [{ promotionId: 'p-release', units: 1 }] })).body).toMatchObject({ status: 'reserved' });
    expect((await release('r-rel-1')).body).toEqual({ reservationId: 'r-rel-1', status: 'released', released: 1 });
    expect((await release('r-rel-1')).body).toEqual({ reservationId: 'r-rel-1', status: 'released', released: 0 });
    expect((await reserve({ reservationId: 'r-rel-2', cartId: 'c', customerId: 'cu-2', uses: [{ promotionId: 'p-release', units: 1 }] })).body).toMatchObject({ status: 'reserved' });
    expect((await release('r-nobody')).status).toBe(404);
    const page = await request(ledger.baseUrl, ADMIN_KEY, 'GET', '/v1/ledger?promotionId=p-release');
    expect((page.body as { items: { kind: string; reservationId: string }[] }).items.map((e) => [e.kind, e.reservationId])).toEqual([
      ['reserved', 'r-rel-1'],
      ['released', 'r-rel-1'],
      ['reserved', 'r-rel-2'],
    ]);
    expect(await redis.get('usage:{p-release}:total')).toBe('1');
  });

  it('counts reservation outcomes in /metrics', async () => {
    const metrics = await (await fetch(`${ledger.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/^ledger_reservations_total\{outcome="reserved"\} [1-9]\d*$/m);
    expect(metrics).toMatch(/^ledger_reservations_total\{outcome="refused"\} [1-9]\d*$/m);
  });

  it('times the Lua script calls in /metrics (redis_script_duration_seconds)', async () => {
    const metrics = await (await fetch(`${ledger.baseUrl}/metrics`)).text();
    expect(metrics).toContain('# TYPE redis_script_duration_seconds histogram');
    for (const script of ['set-limits', 'reserve-usage', 'release-usage']) {
      expect(metrics).toMatch(new RegExp(`^redis_script_duration_seconds_count\\{script="${script}",outcome="ok"\\} [1-9]\\d*$`, 'm'));
    }
  });

  it('needs the storefront scope', async () => {
    const answer = await fetch(`${ledger.baseUrl}/v1/reservations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(answer.status).toBe(401);
  });
});
