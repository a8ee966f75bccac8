import { LiquidError } from 'liquidjs';
import { LiquidRenderer } from './liquid.renderer';
import type { RenderedCode } from './template.renderer';

describe('LiquidRenderer', () => {
  const liquid = new LiquidRenderer();
  const noCodes = new Map<string, RenderedCode>();

  it('escapes values in HTML, not in text, unless the template says raw', async () => {
    const variables = { name: `<img src=x onerror="alert('x')"> & co` };
    expect(await liquid.render('{{ name }}', 'html', variables, noCodes)).toBe('&lt;img src=x onerror=&#34;alert(&#39;x&#39;)&#34;&gt; &amp; co');
    expect(await liquid.render('{{ name }}', 'text', variables, noCodes)).toBe(`<img src=x onerror="alert('x')"> & co`);
    expect(await liquid.render('{{ "<b>" | raw }}', 'html', {}, noCodes)).toBe('<b>');
  });

  it('renders an unknown variable empty, as plain templates do', async () => {
    expect(await liquid.render('[{{ nobody.knows }}]', 'text', {}, noCodes)).toBe('[]');
  });

  it('shows a code with its link, and nothing for a macro without a code', async () => {
    const codes = new Map<string, RenderedCode>([
      ['first:A', { code: 'A-1&2', link: 'https://s.test/?code=A-1&t=1' }],
      ['reissue:A', { code: null, link: null }],
      ['first:B', { code: 'B-9', link: null }],
    ]);
    const source = "{% promocode 'A' %}|{% last_promocode 'A' %}|{%- promocode 'B' -%}";
    expect(await liquid.render(source, 'text', {}, codes)).toBe('A-1&2 (https://s.test/?code=A-1&t=1)||B-9');
    expect(await liquid.render(source, 'html', {}, codes)).toBe('<a href="https://s.test/?code=A-1&amp;t=1">A-1&amp;2</a>||B-9');
  });

  it('refuses an unknown filter, a broken tag and a macro with a bad group, and accepts the standard filters', () => {
    expect(liquid.problemOf('{{ name | shout }}')).toMatch(/undefined filter: shout/);
    expect(liquid.problemOf('{% if name %}open')).toMatch(/not closed/);
    expect(liquid.problemOf('{% promocode WINBACK %}')).toMatch(/one group in single quotes/);
    expect(liquid.problemOf("{{ name | upcase | truncate: 10 }} {% promocode 'A' %} {% last_promocode %}")).toBeNull();
  });

  it('stops a template that would hold the sender, with a LiquidError (the email then fails for good)', async () => {
    const runaway = '{% for a in (1..100000) %}{% for b in (1..100000) %}x{% endfor %}{% endfor %}';
    await expect(liquid.render(runaway, 'text', {}, noCodes)).rejects.toBeInstanceOf(LiquidError);
  });

  it('reads no file', async () => {
    await expect(liquid.render("{% include '/etc/hostname' %}", 'text', {}, noCodes)).rejects.toThrow(/Failed to lookup/);
  });
});
