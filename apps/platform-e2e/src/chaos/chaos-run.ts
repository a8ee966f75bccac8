import type { E2eInfrastructure } from '../cluster/e2e-infrastructure';
import { SERVICES, type ServiceCluster, type ServiceName } from '../cluster/service-cluster';

/** What one chaos step hits: a service replica, a Kafka node, or the Redis Cluster's master of the moment. */
export type ChaosTarget =
  | { readonly kind: 'service'; readonly service: ServiceName; readonly replica: number }
  | { readonly kind: 'kafka'; readonly nodeId: number }
  | { readonly kind: 'redis' };

export interface ChaosStep {
  /** After how many replayed records. */
  readonly at: number;
  readonly target: ChaosTarget;
  readonly action: 'kill' | 'restart';
}

export interface ChaosTopology {
  readonly replicas: number;
  /** `--cluster`: the Kafka nodes one of which is killed, and a Redis Cluster one of whose masters is. */
  readonly kafkaNodeIds: readonly number[];
  readonly redisCluster: boolean;
}

/**
 * `--chaos`: one replica of each service is SIGKILLed at a random point between 20 % and 60 % of the
 * records, and a fresh one started in its place 10 % to 30 % of the records later, so its partitions
 * move to the other replicas and back while records flow. With `--cluster`, one Kafka broker and one Redis
 * master are SIGKILLed the same way (the broker's partitions elect new leaders, the master's replica is
 * promoted) and started again later (the master rejoins as a replica).
 */
export function chaosPlan(records: number, topology: ChaosTopology): ChaosStep[] {
  const targets: ChaosTarget[] = SERVICES.map((service) => ({ kind: 'service', service, replica: Math.floor(Math.random() * topology.replicas) }));
  if (topology.kafkaNodeIds.length > 1) targets.push({ kind: 'kafka', nodeId: topology.kafkaNodeIds[Math.floor(Math.random() * topology.kafkaNodeIds.length)] ?? 1 });
  if (topology.redisCluster) targets.push({ kind: 'redis' });
  return targets.flatMap((target) => {
    const killAt = Math.floor(records * (0.2 + Math.random() * 0.4));
    const restartAt = Math.min(records, killAt + Math.floor(records * (0.1 + Math.random() * 0.2)));
    return [
      { at: killAt, target, action: 'kill' as const },
      { at: restartAt, target, action: 'restart' as const },
    ];
  });
}

/** Carries the steps out while the replay goes on: kills at once, restarts (slow) in the background. */
export class ChaosRun {
  private readonly pending: Promise<unknown>[] = [];
  /** The Redis master killed, once its replica has been promoted. */
  private redisKill: Promise<{ readonly killed: number; readonly promoted: number }> | undefined;

  constructor(
    private readonly services: ServiceCluster,
    private readonly infra: Pick<E2eInfrastructure, 'kafka' | 'redisCluster'>,
    private readonly log: (line: string) => void,
  ) {}

  async apply(step: ChaosStep, done: number): Promise<void> {
    const { target } = step;
    switch (target.kind) {
      case 'service':
        if (step.action === 'kill') {
          this.log(`  chaos: SIGKILL ${target.service} replica ${target.replica} after ${done} records`);
          await this.services.kill(target.service, target.replica);
        } else {
          this.log(`  chaos: starting a fresh ${target.service} replica ${target.replica} after ${done} records`);
          this.pending.push(this.services.restart(target.service, target.replica));
        }
        return;
      case 'kafka':
        if (step.action === 'kill') {
          this.log(`  chaos: SIGKILL Kafka node ${target.nodeId} after ${done} records`);
          await this.infra.kafka.kill(target.nodeId);
        } else {
          this.log(`  chaos: starting Kafka node ${target.nodeId} again after ${done} records`);
          this.pending.push(this.infra.kafka.start(target.nodeId));
        }
        return;
      case 'redis':
        this.redisStep(step.action, done);
        return;
    }
  }

  /** Resolves once every restart has happened. */
  async settled(): Promise<void> {
    await Promise.all(this.pending);
  }

  private redisStep(action: 'kill' | 'restart', done: number): void {
    const cluster = this.infra.redisCluster;
    if (!cluster) throw new Error('a Redis chaos step needs --cluster');
    if (action === 'kill') {
      this.log(`  chaos: SIGKILL a Redis master after ${done} records`);
      this.redisKill = cluster.killMaster().then((failover) => {
        this.log(`  chaos: Redis master ${failover.killed} killed, its replica ${failover.promoted} promoted`);
        return failover;
      });
      this.pending.push(this.redisKill);
      return;
    }
    const killed = this.redisKill;
    if (!killed) return;
    this.log(`  chaos: starting the killed Redis master again after ${done} records (it rejoins as a replica)`);
    this.pending.push(killed.then(({ killed: port }) => cluster.restart(port)));
  }
}
