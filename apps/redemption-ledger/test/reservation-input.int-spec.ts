import { ManualClock } from '@promo/platform';
import { aPromotionChange } from './builders/promotion-change.builder';
import { type LedgerHarness, startLedgerHarness } from './support/ledger-harness';
import { ADMIN_KEY, request, STOREFRONT_KEY } from './support/ledger-test-env';

/** #19: a reservation's promotion ids and codes become Redis keys; what could alias another promotion's keys is refused. */
describe('POST /v1/reservations input (#19)', () => {
  let harness: LedgerHarness;

  beforeAll(async () => {
    harness = await startLedgerHarness({ clock: new ManualClock('2026-11-20T10:00:00Z') });
    const learned = await request(harness.ledger.baseUrl, ADMIN_KEY, 'POST', '/v1/promotion-changes', aPromotionChange('p-code').coupon().withLimits({ usesPerCode: 1 }).build());
    expect(learned.status).toBe(200);
  }, 60_000);

  afterAll(() => harness.close(), 60_000);

  const refusedFields = async (use: Record<string, unknown>): Promise<{ status: number; fields: string[] }> => {
    const answer = await request(harness.ledger.baseUrl, STOREFRONT_KEY, 'POST', '/v1/reservations', { reservationId: 'r-input', cartId: 'c', customerId: 'cu-1', uses: [{ units: 1, ...use }] });
    const errors = (answer.body as { errors?: { field: string }[] }).errors ?? [];
    return { status: answer.status, fields: errors.map((error) => error.field) };
  };

  it.each(['p-code}:total', 'p{1}', 'a:b', 'p open'])('refuses the promotion id %j', async (promotionId) => {
    expect(await refusedFields({ promotionId })).toEqual({ status: 400, fields: ['uses[0].promotionId'] });
  });

  it('refuses a code with a control character or over 200 characters for a known promotion', async () => {
    expect(await refusedFields({ promotionId: 'p-code', code: 'ONE\u0001USE' })).toEqual({ status: 400, fields: ['uses[0].code'] });
    expect(await refusedFields({ promotionId: 'p-code', code: 'C'.repeat(201) })).toEqual({ status: 400, fields: ['uses[0].code'] });
  });
});
