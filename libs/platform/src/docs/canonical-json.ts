function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortedKeys((value as Readonly<Record<string, unknown>>)[key])]),
  );
}

/**
 * A JSON document as committed: object keys sorted at every depth, two-space indent, a final newline. Sorting
 * keeps a committed document's diff to what changed, whatever order decorators and modules registered things in.
 */
export function canonicalJson(value: unknown): string {
  return `${JSON.stringify(sortedKeys(value), null, 2)}\n`;
}
