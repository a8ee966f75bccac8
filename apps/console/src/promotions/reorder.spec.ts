import { moveItem, prioritiesOf } from './reorder';

describe('moveItem', () => {
  it('moves down and up', () => {
    expect(moveItem(['a', 'b', 'c', 'd'], 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveItem(['a', 'b', 'c', 'd'], 3, 0)).toEqual(['d', 'a', 'b', 'c']);
  });

  it('clamps a target past the end', () => {
    expect(moveItem(['a', 'b'], 0, 9)).toEqual(['b', 'a']);
  });
});

describe('prioritiesOf', () => {
  it('numbers from 1 in order', () => {
    expect(prioritiesOf([{ id: 'x', version: 3 }, { id: 'y', version: 1 }])).toEqual([{ id: 'x', priority: 1, version: 3 }, { id: 'y', priority: 2, version: 1 }]);
  });
});
