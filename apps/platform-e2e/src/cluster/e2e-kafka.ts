import { runTool } from '@promo/platform/testing';

/** The replay's Kafka: one broker, or with `--cluster` a KRaft cluster of three (tools/kafka). */
export interface E2eKafka {
  /** The bootstrap list the services take as KAFKA_BROKERS. */
  readonly brokers: string;
  /** Node ids (1..N). */
  readonly nodeIds: readonly number[];
  /** SIGKILLs one node (chaos); the others take over its partitions' leadership. */
  kill(nodeId: number): Promise<void>;
  /** Starts a killed node again; it catches up from the others. */
  start(nodeId: number): Promise<void>;
  stop(): Promise<void>;
}

/** A fresh broker on `port` (and its controller on the next), or `nodes` of them from `port` on, two ports each. */
export async function startE2eKafka(port: number, nodes: number): Promise<E2eKafka> {
  if (nodes === 1) {
    const env = { KAFKA_PORT: String(port), KAFKA_CONTROLLER_PORT: String(port + 1) };
    await runTool('kafka/broker.mjs', ['up', '--fresh'], env);
    const single = (): Promise<void> => Promise.reject(new Error('one broker: nothing to kill or start (use --cluster)'));
    return { brokers: `127.0.0.1:${port}`, nodeIds: [1], kill: single, start: single, stop: async () => void (await runTool('kafka/broker.mjs', ['down'], env)) };
  }
  const env = { KAFKA_CLUSTER_PORT: String(port) };
  const output = await runTool('kafka/cluster.mjs', ['up', `--nodes=${nodes}`, '--fresh'], env);
  const brokers = /KAFKA_BROKERS=(\S+)/.exec(output)?.[1];
  if (!brokers) throw new Error(`tools/kafka/cluster.mjs up printed no KAFKA_BROKERS:\n${output}`);
  return {
    brokers,
    nodeIds: Array.from({ length: nodes }, (_unused, n) => n + 1),
    kill: async (nodeId) => void (await runTool('kafka/cluster.mjs', ['kill', String(nodeId)], env)),
    start: async (nodeId) => void (await runTool('kafka/cluster.mjs', ['start', String(nodeId)], env)),
    stop: async () => void (await runTool('kafka/cluster.mjs', ['down', '--wipe'], env)),
  };
}
