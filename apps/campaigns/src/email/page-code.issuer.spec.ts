import { preIssuableMacro } from './page-code.issuer';
import { findCodeMacros } from './template.renderer';

describe('preIssuableMacro', () => {
  const of = (text: string) => preIssuableMacro(findCodeMacros('subject', text));

  it('picks the first promocode, the one the email row keeps', () => {
    expect(of("{{promocode 'A'}} {{promocode 'B'}} {{last_promocode 'A'}}")).toEqual({ mode: 'first', group: 'A' });
    expect(of("{{last_promocode 'B'}} then {{promocode 'A'}}")).toEqual({ mode: 'first', group: 'A' });
  });

  it('issues nothing ahead when a last_promocode of the same group comes first, or there is no promocode', () => {
    expect(of("{{last_promocode 'A'}} then {{promocode 'A'}}")).toBeNull();
    expect(of("{{last_promocode 'A'}}")).toBeNull();
    expect(of('no macro')).toBeNull();
  });

  it('reads the subject before the text, as the email is built', () => {
    expect(preIssuableMacro(findCodeMacros("{{last_promocode 'A'}}", "{{promocode 'A'}}"))).toBeNull();
  });
});
