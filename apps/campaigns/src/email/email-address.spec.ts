import { normaliseAddress } from './email-address';

describe('normaliseAddress', () => {
  it.each([
    ['jane@example.test', 'jane@example.test'],
    ['  Jane.Doe@Example.TEST ', 'jane.doe@example.test'],
    ['Jane Doe <Jane@Example.test>', 'jane@example.test'],
    ['<jane+promo@example.test>', 'jane+promo@example.test'],
    ['josé@exämple.test', 'josé@exämple.test'],
  ])('reads %j as %j', (raw, expected) => {
    expect(normaliseAddress(raw)).toBe(expected);
  });

  it.each([
    'a@example.test, b@example.test',
    'a@example.test;b@example.test',
    'a@example.test b@example.test',
    'Team: a@example.test, b@example.test;',
    'A <a@example.test>, B <b@example.test>',
    '"a@example.test" <b@example.test>',
    'no-at-sign',
    '@example.test',
    'a@',
    'a..b@example.test',
    'a@-example.test',
    '',
  ])('refuses %j: not exactly one address', (raw) => {
    expect(normaliseAddress(raw)).toBeNull();
  });

  it('answers null for no address at all', () => {
    expect(normaliseAddress(null)).toBeNull();
    expect(normaliseAddress(undefined)).toBeNull();
  });
});
