import { codeMacrosOf, templateUsesCampaignGroup, withCampaignGroupIn } from './email-template-macros';

describe('code macros of a Liquid template', () => {
  const liquid = { syntax: 'liquid' as const, subject: 'For you', text: "{% promocode 'A' %} {%- last_promocode 'B' -%}", html: "{% promocode 'A' %}{% promocode 'C' %}" };

  it('are found once each, in the text and the HTML', () => {
    expect(codeMacrosOf(liquid)).toEqual([
      { mode: 'first', group: 'A' },
      { mode: 'reissue', group: 'B' },
      { mode: 'first', group: 'C' },
    ]);
  });

  it("name the campaign's codeGroup when they name none", () => {
    const grouped = withCampaignGroupIn({ syntax: 'liquid', subject: 's', text: 'Use {% promocode %} or {%- last_promocode -%}', html: '{% promocode %}' }, 'WINBACK');
    expect(grouped).toEqual({ syntax: 'liquid', subject: 's', text: "Use {% promocode 'WINBACK' %} or {%- last_promocode 'WINBACK' -%}", html: "{% promocode 'WINBACK' %}" });
    expect(templateUsesCampaignGroup({ syntax: 'liquid', subject: 's', text: 't', html: '{% promocode %}' })).toBe(true);
    expect(templateUsesCampaignGroup(liquid)).toBe(false);
  });

  it('are not read in Liquid syntax from a plain template', () => {
    expect(codeMacrosOf({ subject: 's', text: "{% promocode 'A' %} {{promocode 'B'}}" })).toEqual([{ mode: 'first', group: 'B' }]);
  });
});
