import { runTool } from './run-tool';

/** A Redis Cluster of six processes on loopback (tools/redis/cluster.mjs), for tests, benchmarks and replays. */
export interface LocalRedisCluster {
  /** `host:port` of the six nodes, as REDIS_CLUSTER_NODES takes them. */
  readonly nodes: readonly string[];
  /** SIGKILLs a master (the given port, or the first found) and resolves once its replica serves its slots. */
  killMaster(port?: number): Promise<{ readonly killed: number; readonly promoted: number }>;
  /** Starts a killed node again; it rejoins as a replica. */
  restart(port: number): Promise<void>;
  /** Stops every node and deletes the cluster's state. */
  stop(): Promise<void>;
}

/**
 * Starts a fresh cluster on `basePort` and the five ports after it (each node's bus is its port + 10000).
 * Every step runs the tool in a child process without blocking this one (a test's clients keep going).
 */
export async function startLocalRedisCluster(basePort: number): Promise<LocalRedisCluster> {
  const run = (...args: string[]): Promise<string> => runTool('redis/cluster.mjs', args, { REDIS_CLUSTER_PORT: String(basePort) });
  await run('up', '--fresh');
  return {
    nodes: Array.from({ length: 6 }, (_unused, n) => `127.0.0.1:${basePort + n}`),
    killMaster: async (port) => {
      const output = await run('kill-master', ...(port === undefined ? [] : [String(port)]));
      const match = /SIGKILLed master (\d+); (\d+) promoted/.exec(output);
      if (!match) throw new Error(`kill-master said: ${output}`);
      return { killed: Number(match[1]), promoted: Number(match[2]) };
    },
    restart: async (port) => void (await run('start', String(port))),
    stop: async () => void (await run('down', '--wipe')),
  };
}
