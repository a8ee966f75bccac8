export interface WaitForOptions {
  readonly timeoutMs?: number;
  readonly intervalMs?: number;
  /** Said in the failure message: what was being waited for. */
  readonly description?: string;
}

/**
 * Polls `condition` until it returns a truthy value (returned) or the timeout passes (throws with the
 * last value or error). Tests wait on conditions, never on fixed sleeps.
 */
export async function waitFor<T>(condition: () => T | Promise<T>, options: WaitForOptions = {}): Promise<NonNullable<T>> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const intervalMs = options.intervalMs ?? 50;
  const deadline = performance.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await condition();
      if (value) return value as NonNullable<T>;
      last = value;
    } catch (error) {
      last = error;
    }
    if (performance.now() > deadline) {
      const lastText = last instanceof Error ? last.message : JSON.stringify(last);
      throw new Error(`waitFor timed out after ${timeoutMs} ms${options.description ? ` waiting for ${options.description}` : ''}; last: ${lastText}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
