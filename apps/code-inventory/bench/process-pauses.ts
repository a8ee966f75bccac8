/**
 * Where a client-side latency tail comes from: the service's longest event-loop delay and its garbage
 * collection time between two calls, from its default Node metrics. prom-client resets the loop-delay
 * histogram at every scrape of /metrics, so nothing else may scrape between the two calls.
 */
export interface ProcessPauses {
  readonly loopDelayMaxMs: number;
  /** Seconds spent in GC by kind (major, minor, incremental, weakcb), and how many collections. */
  readonly gcSeconds: ReadonlyMap<string, number>;
  readonly gcCount: ReadonlyMap<string, number>;
}

export async function scrapePauses(baseUrl: string): Promise<ProcessPauses> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const gcSeconds = new Map<string, number>();
  const gcCount = new Map<string, number>();
  let loopDelayMaxMs = 0;
  for (const line of text.split('\n')) {
    const value = Number(line.slice(line.lastIndexOf(' ') + 1));
    if (line.startsWith('nodejs_eventloop_lag_max_seconds')) loopDelayMaxMs = value * 1000;
    const kind = /^nodejs_gc_duration_seconds_(sum|count)\{kind="([a-z]+)"/.exec(line);
    if (kind?.[2] !== undefined) (kind[1] === 'sum' ? gcSeconds : gcCount).set(kind[2], value);
  }
  return { loopDelayMaxMs, gcSeconds, gcCount };
}

/** One line: the window's longest loop delay, and GC collections and milliseconds by kind. */
export function describePauses(before: ProcessPauses, after: ProcessPauses): string {
  const kinds = [...after.gcCount.keys()].filter((kind) => (after.gcCount.get(kind) ?? 0) > (before.gcCount.get(kind) ?? 0));
  const gc = kinds.map((kind) => {
    const count = (after.gcCount.get(kind) ?? 0) - (before.gcCount.get(kind) ?? 0);
    const ms = ((after.gcSeconds.get(kind) ?? 0) - (before.gcSeconds.get(kind) ?? 0)) * 1000;
    return `gc_${kind}=${count}x/${ms.toFixed(1)}ms`;
  });
  return `service_loop_delay_max_ms=${after.loopDelayMaxMs.toFixed(1)} ${gc.join(' ')}`;
}
