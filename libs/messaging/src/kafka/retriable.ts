/** A kafkajs error that says "try again" (a topic or leader still settling), itself or as the cause of its last retry. */
export function isRetriableKafkaError(error: unknown): boolean {
  const retriable = (e: unknown): boolean => typeof e === 'object' && e !== null && Reflect.get(e, 'retriable') === true;
  return retriable(error) || (error instanceof Error && (error.name === 'KafkaJSNumberOfRetriesExceeded' || retriable(error.cause)));
}

/**
 * Runs `call` again while it fails with a retriable kafkajs error, for up to `timeoutMs`: on KRaft a topic just
 * created (by this process or another) can still answer "This server does not host this topic-partition" to a
 * metadata request for a moment, and kafkajs' own retries can run out first on a busy machine.
 */
export async function whileKafkaSettles<T>(call: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    try {
      return await call();
    } catch (error) {
      if (!isRetriableKafkaError(error) || performance.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
