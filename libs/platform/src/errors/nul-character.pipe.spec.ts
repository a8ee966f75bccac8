import { ValidationFailedError } from './domain-error';
import { NulCharacterPipe } from './nul-character.pipe';

function refusal(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error instanceof ValidationFailedError ? error.errors : error;
  }
  return undefined;
}

describe('NulCharacterPipe', () => {
  const pipe = new NulCharacterPipe();

  it('passes text without U+0000, including other control and unicode characters', () => {
    const body = { name: 'a\tb🎉', lines: [{ sku: 'ǅ' }] };
    expect(pipe.transform(body, { type: 'body' })).toBe(body);
    expect(pipe.transform('r-1', { type: 'param', data: 'reservationId' })).toBe('r-1');
  });

  it('names the path parameter, query key or body field that holds U+0000', () => {
    expect(refusal(() => pipe.transform('\u0000', { type: 'param', data: 'reservationId' }))).toEqual([
      { field: 'reservationId', reason: 'invalid_character', detail: 'the NUL character (U+0000) is not allowed' },
    ]);
    expect(refusal(() => pipe.transform({ status: 'a\u0000' }, { type: 'query' }))).toEqual([expect.objectContaining({ field: 'status' })]);
    expect(refusal(() => pipe.transform({ lines: [{ sku: 'x\u0000' }] }, { type: 'body' }))).toEqual([expect.objectContaining({ field: 'lines[0].sku' })]);
    expect(refusal(() => pipe.transform('\u0000', { type: 'body' }))).toEqual([expect.objectContaining({ field: '(body)' })]);
  });

  it('names a key holding U+0000 with the NUL written out, deep in arrays and objects', () => {
    const body = { cart: { lines: [{ sku: 'a' }, { attributes: { ['co\u0000lor']: 'red' } }] } };
    expect(refusal(() => pipe.transform(body, { type: 'body' }))).toEqual([expect.objectContaining({ field: 'cart.lines[1].attributes.co\\u0000lor' })]);
  });
});
