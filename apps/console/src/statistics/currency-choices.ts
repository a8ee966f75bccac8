/** The currencies some row has figures in, sorted, or `fallback` alone when none has any yet. */
export function currencyChoices(rows: readonly { readonly recoveredRevenueByCurrency: readonly { readonly currency: string }[] }[], fallback: string): readonly string[] {
  const seen = new Set(rows.flatMap((row) => row.recoveredRevenueByCurrency.map((entry) => entry.currency)));
  return seen.size === 0 ? [fallback] : [...seen].sort();
}
