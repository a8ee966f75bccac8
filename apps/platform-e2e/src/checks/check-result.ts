/** One line of the contract report: what the rules or the expected file say, and what the services said. */
export interface CheckResult {
  readonly check: string;
  readonly expected: string;
  readonly got: string;
  readonly ok: boolean;
}

export function compare(check: string, expected: unknown, got: unknown): CheckResult {
  const e = typeof expected === 'string' ? expected : JSON.stringify(expected);
  const g = typeof got === 'string' ? got : JSON.stringify(got);
  return { check, expected: e, got: g, ok: e === g };
}

/** A set comparison that reports what is missing and what is extra, not two long lists. */
export function compareSets(check: string, expected: readonly string[], got: readonly string[]): CheckResult {
  const want = new Set(expected);
  const have = new Set(got);
  const missing = [...want].filter((x) => !have.has(x));
  const extra = [...have].filter((x) => !want.has(x));
  const duplicates = got.length - have.size;
  const ok = missing.length === 0 && extra.length === 0 && duplicates === 0;
  return {
    check,
    expected: `${want.size} entries`,
    got: ok ? `${have.size} entries, identical` : `${have.size} entries; missing ${missing.length} ${sample(missing)}; extra ${extra.length} ${sample(extra)}; repeated ${duplicates}`,
    ok,
  };
}

function sample(values: readonly string[]): string {
  return values.length === 0 ? '' : `(${values.slice(0, 3).join(', ')}${values.length > 3 ? ', …' : ''})`;
}

export function formatReport(results: readonly CheckResult[]): string {
  const widths = [5, ...(['check', 'expected', 'got'] as const).map((k) => Math.min(70, Math.max(k.length, ...results.map((r) => r[k].length))))];
  const cell = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));
  const lines = [
    [cell('', widths[0]!), cell('check', widths[1]!), cell('expected', widths[2]!), cell('got', widths[3]!)].join('  '),
    ...results.map((r) => [cell(r.ok ? 'ok' : 'FAIL', widths[0]!), cell(r.check, widths[1]!), cell(r.expected, widths[2]!), cell(r.got, widths[3]!)].join('  ')),
  ];
  return lines.join('\n');
}
