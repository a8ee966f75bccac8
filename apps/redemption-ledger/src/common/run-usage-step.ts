import type { UsageGate } from '../usage/usage-gate';
import { UsageStoreUnavailableError } from '../usage/usage-scripts';
import { UsageUnavailableError } from './usage-unavailable.error';

/** Runs an HTTP usage step inside the gate: 503 with Retry-After while a rebuild runs or Redis is out of reach. */
export async function runUsageStep<T>(gate: UsageGate, retryAfterSeconds: number, step: () => Promise<T>): Promise<T> {
  const result = await gate.run(step).catch((error: unknown) => {
    if (error instanceof UsageStoreUnavailableError) throw new UsageUnavailableError('usage_store_unavailable', retryAfterSeconds);
    throw error;
  });
  if (result === undefined) throw new UsageUnavailableError('usage_rebuilding', retryAfterSeconds);
  return result.value;
}
