/**
 * The service's own view of a route's latency: the difference of two scrapes of its
 * `http_request_duration_seconds` histogram, read as a quantile (the upper bound of the bucket that
 * holds it, since a Prometheus histogram knows no finer).
 */
export type RouteBuckets = ReadonlyMap<number, number>;

export async function scrapeRouteBuckets(baseUrl: string, method: string, route: string): Promise<RouteBuckets> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const buckets = new Map<number, number>();
  for (const line of text.split('\n')) {
    if (!line.startsWith('http_request_duration_seconds_bucket{') || !line.includes(`method="${method}"`) || !line.includes(`route="${route}"`)) continue;
    const bound = /le="([^"]+)"/.exec(line)?.[1];
    const value = /\} (\d+)$/.exec(line)?.[1];
    if (bound === undefined || value === undefined) continue;
    const le = bound === '+Inf' ? Number.POSITIVE_INFINITY : Number(bound);
    // One series per status code: sum them.
    buckets.set(le, (buckets.get(le) ?? 0) + Number(value));
  }
  return buckets;
}

/** The upper bound, in ms, of the bucket holding the quantile of the requests seen between two scrapes; and how many there were. */
export function quantileBetween(before: RouteBuckets, after: RouteBuckets, quantile: number): { readonly upperMs: number; readonly count: number } {
  const bounds = [...after.keys()].sort((a, b) => a - b);
  const cumulative = bounds.map((le) => (after.get(le) ?? 0) - (before.get(le) ?? 0));
  const count = cumulative[cumulative.length - 1] ?? 0;
  const index = cumulative.findIndex((value) => value >= quantile * count);
  return { upperMs: (bounds[index] ?? Number.POSITIVE_INFINITY) * 1000, count };
}
