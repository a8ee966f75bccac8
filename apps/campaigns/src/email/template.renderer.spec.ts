import { findCodeMacros, renderTemplate, usesCampaignGroup, withCampaignGroup } from './template.renderer';

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

describe("the campaign's codeGroup (#19.9)", () => {
  it('is the group of a macro that names none', () => {
    const text = withCampaignGroup('Use {{promocode}} or {{ client.last_promocode() }}; {{promocode \'OTHER\'}} keeps its own.', 'WINBACK');
    expect(text).toBe("Use {{promocode 'WINBACK'}} or {{last_promocode 'WINBACK'}}; {{promocode 'OTHER'}} keeps its own.");
    expect(findCodeMacros(text)).toEqual([
      { mode: 'first', group: 'WINBACK' },
      { mode: 'reissue', group: 'WINBACK' },
      { mode: 'first', group: 'OTHER' },
    ]);
  });

  it('tells which templates need one', () => {
    expect(usesCampaignGroup('subject', 'Code: {{promocode}}')).toBe(true);
    expect(usesCampaignGroup("Code: {{promocode 'A'}}", '{{customer.email}}')).toBe(false);
  });
});
