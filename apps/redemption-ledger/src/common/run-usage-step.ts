import { UsageRebuildingError } from '../usage/usage-scripts';
import { UsageStoreUnavailableError } from '../usage/usage-store-unavailable';
import { UsageUnavailableError } from './usage-unavailable.error';

/**
 * Runs an HTTP usage step: 503 with Retry-After while a rebuild fences the counters (on whichever replica
 * it runs: the fence is in Redis, lua/includes/check-fence.lua) or Redis is out of reach.
 */
export async function runUsageStep<T>(retryAfterSeconds: number, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof UsageStoreUnavailableError) throw new UsageUnavailableError('usage_store_unavailable', retryAfterSeconds);
    if (error instanceof UsageRebuildingError) throw new UsageUnavailableError('usage_rebuilding', retryAfterSeconds);
    throw error;
  }
}
