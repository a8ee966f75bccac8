import { mulDivFloor } from './mul-div-floor';

describe('mulDivFloor', () => {
  it('rounds down', () => {
    expect(mulDivFloor(7, 1, 2)).toBe(3);
    expect(mulDivFloor(1999, 2, 3)).toBe(1332);
  });
});
