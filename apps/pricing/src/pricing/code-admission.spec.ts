import type { CodeRecord } from '../code-lookup/code-lookup.result';
import { admitCode } from './code-admission';

const record = (fields: Partial<CodeRecord> = {}): { kind: 'found'; record: CodeRecord } => ({
  kind: 'found',
  record: { promotionId: 'promo-winback', state: 'available', isBound: false, tokenValid: null, ...fields },
});

describe('admitCode', () => {
  it('admits an available bulk code for its promotion', () => {
    expect(admitCode(record(), null)).toEqual({ kind: 'admit', promotionId: 'promo-winback' });
  });

  it('refuses as unknown with lookup_unavailable when code-inventory cannot answer', () => {
    expect(admitCode({ kind: 'unavailable' }, null)).toEqual({ kind: 'refuse', reason: 'unknown', detail: 'lookup_unavailable' });
  });

  it('leaves a code code-inventory does not know to the engine (unknown)', () => {
    expect(admitCode({ kind: 'not_found' }, null)).toEqual({ kind: 'unknown' });
  });

  it('applies an email-bound code only with a token code-inventory found valid', () => {
    expect(admitCode(record({ isBound: true, tokenValid: true, state: 'issued' }), 'tok')).toEqual({ kind: 'admit', promotionId: 'promo-winback' });
    expect(admitCode(record({ isBound: true, tokenValid: false, state: 'issued' }), 'tok')).toEqual({
      kind: 'refuse',
      reason: 'customer_not_eligible',
      detail: 'token_invalid',
      promotionId: 'promo-winback',
    });
    expect(admitCode(record({ isBound: true, tokenValid: null, state: 'issued' }), null)).toMatchObject({ reason: 'customer_not_eligible', detail: 'token_missing' });
  });

  it('refuses a redeemed code as limit reached and a disabled one as unknown', () => {
    expect(admitCode(record({ state: 'redeemed' }), null)).toMatchObject({ kind: 'refuse', reason: 'limit_reached', detail: 'code_redeemed' });
    expect(admitCode(record({ state: 'disabled' }), null)).toMatchObject({ kind: 'refuse', reason: 'unknown', detail: 'code_disabled' });
  });
});
