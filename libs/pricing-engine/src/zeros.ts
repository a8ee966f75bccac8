/** `count` zeros in a packed array: V8 builds and reads it faster than `new Array(count).fill(0)`, which starts out holey. */
export function zeros(count: number): number[] {
  const values: number[] = [];
  for (let i = 0; i < count; i += 1) values.push(0);
  return values;
}
