import { findCodeMacros, renderTemplate } from './template.renderer';

describe('renderTemplate', () => {
  it('fills variables and renders a fresh code with its link', () => {
    const codes = new Map([['first:WINBACK', { code: 'ABCD-EFGH', link: 'https://shop.example.test/c?code=ABCD-EFGH' }]]);
    const text = renderTemplate("Hi {{customer.email}}, use {{promocode 'WINBACK'}} on {{cart.recoveryUrl}}", { 'customer.email': 'b@example.test', 'cart.recoveryUrl': 'https://r' }, codes);
    expect(text).toBe('Hi b@example.test, use ABCD-EFGH (https://shop.example.test/c?code=ABCD-EFGH) on https://r');
  });

  it('renders empty for a re-issue when the customer had no code from the group (seed 001)', () => {
    expect(renderTemplate("Your code: {{client.last_promocode('WINBACK')}}.", {}, new Map([['reissue:WINBACK', { code: null, link: null }]]))).toBe('Your code: .');
  });
});

describe('findCodeMacros', () => {
  it('finds each macro once, in both spellings', () => {
    expect(findCodeMacros("{{promocode 'A'}} {{client.promocode('A')}}", "{{last_promocode 'B'}}")).toEqual([
      { mode: 'first', group: 'A' },
      { mode: 'reissue', group: 'B' },
    ]);
  });
});
