import { customerKeyOf, publishedCustomerId } from './customer-key';

describe('customerKeyOf', () => {
  // printf 'ann@example.com' | sha256sum
  const ANN = 'guest:71d4f55f72fa128dfb468a1a3901507c804b74316488744d769d7f4b16696476';

  it('is the customer id of a known customer, whatever the e-mail', () => {
    expect(customerKeyOf('cu-1', 'ann@example.com')).toBe('cu-1');
  });

  it('keys a guest by the SHA-256 of the trimmed, lower-cased e-mail', () => {
    expect(customerKeyOf(null, 'ann@example.com')).toBe(ANN);
    expect(customerKeyOf(undefined, '  Ann@Example.COM ')).toBe(ANN);
  });

  it('is null for a guest without an e-mail', () => {
    expect(customerKeyOf(null, null)).toBeNull();
    expect(customerKeyOf('', '   ')).toBeNull();
  });

  it('publishes no guest key as a customer id', () => {
    expect(publishedCustomerId(ANN)).toBeNull();
    expect(publishedCustomerId('cu-1')).toBe('cu-1');
  });
});
