import { codeMacro, macroGroups, renderPreview, unknownVariables } from './template-preview';

describe('renderPreview', () => {
  it('fills variables and code macros', () => {
    expect(renderPreview("Hi {{customer.email}}, {{cart.total}} waits. Code: {{promocode 'WINBACK'}}", { 'customer.email': 'a@b.c', 'cart.total': '$5.00' })).toBe(
      'Hi a@b.c, $5.00 waits. Code: WINBACK-SAMPLE',
    );
  });

  it('renders an unknown variable empty, as the service does', () => {
    expect(renderPreview('x{{nope}}y', {})).toBe('xy');
  });
});

describe('unknownVariables', () => {
  it('lists the names the service would not fill', () => {
    expect(unknownVariables("{{cart.total}} {{cart.totl}} {{promocode 'A'}}")).toEqual(['cart.totl']);
  });
});

describe('macroGroups', () => {
  it('names each group a plain or Liquid code macro uses, once, in order of use', () => {
    expect(macroGroups("{{promocode 'B'}} {{ last_promocode('A') }} {% promocode 'C' %} {%- last_promocode 'B' -%} {{cart.total}}")).toEqual(['B', 'A', 'C']);
    expect(macroGroups('no codes here')).toEqual([]);
  });
});

describe('codeMacro', () => {
  it('writes the fresh-code macro in the template syntax', () => {
    expect(codeMacro('WINBACK', false)).toBe("{{promocode 'WINBACK'}}");
    expect(codeMacro('WINBACK', true)).toBe("{% promocode 'WINBACK' %}");
  });
});
