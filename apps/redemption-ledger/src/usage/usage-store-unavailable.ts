/**
 * Redis could not run a script (connection lost, retries exhausted, a failover under way, a write its
 * replicas did not confirm). It is `retriable`, so libs/messaging classifies it as infrastructure and a consumer
 * retries the event instead of dead-lettering it; a request answers 503.
 */
export class UsageStoreUnavailableError extends Error {
  readonly retriable = true;
}

/**
 * Replies that say Redis cannot serve the command right now, not that the script failed: a cluster whose
 * master is down or being replaced (CLUSTERDOWN, TRYAGAIN, MASTERDOWN), a node still loading, a write that
 * reached a master just demoted to replica (READONLY), or a script past its time limit (BUSY).
 */
const TRANSIENT_REPLY = /^(CLUSTERDOWN|TRYAGAIN|MASTERDOWN|LOADING|READONLY|BUSY|NOREPLICAS)\b/;

/** Runs one Redis call; only a script's own error (a ReplyError that is not transient) is not "Redis is out of reach". */
export async function guardedRedisCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof Error && error.name === 'ReplyError' && !TRANSIENT_REPLY.test(error.message)) throw error;
    throw new UsageStoreUnavailableError('Redis cannot run the usage scripts', { cause: error });
  }
}
