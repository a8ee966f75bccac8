import { waitFor } from '@promo/platform/testing';

/** Waits until `read()` gives `expected` (compared as JSON), then asserts it, so a timeout shows the last value in the diff. */
export async function expectEventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 15_000): Promise<void> {
  await waitFor(async () => JSON.stringify(await read()) === JSON.stringify(expected), { timeoutMs, intervalMs: 100, description: `the page to show ${JSON.stringify(expected)}` }).catch(() => undefined);
  expect(await read()).toEqual(expected);
}
