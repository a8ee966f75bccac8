import { randomBytes } from 'node:crypto';
import { startE2eInfrastructure, type E2eInfrastructure } from './e2e-infrastructure';
import { ServiceCluster } from './service-cluster';

export interface SingleBrokerCluster {
  readonly infra: E2eInfrastructure;
  readonly cluster: ServiceCluster;
  /** An admin and a storefront key of this cluster's own. */
  readonly keys: { readonly admin: string; readonly storefront: string };
  stop(): Promise<void>;
}

/**
 * The four services, one replica each, on a broker, database, Redis prefix and SMTP server of their own (a suite's
 * cluster). `kafkaPort` is the broker's port (it also takes the next one): each suite that runs beside others needs its own.
 */
export async function startSingleBrokerCluster(options: { readonly name: string; readonly kafkaPort: string; readonly clockStart: string }): Promise<SingleBrokerCluster> {
  const keys = { admin: `${options.name}-admin-${randomBytes(12).toString('hex')}`, storefront: `${options.name}-storefront-${randomBytes(12).toString('hex')}` };
  const infra = await startE2eInfrastructure({ ...process.env, E2E_KAFKA_PORT: options.kafkaPort }, { kafkaNodes: 1, redisCluster: false });
  const cluster = await ServiceCluster.start({
    pgUrl: infra.pgUrl,
    redisUrl: infra.redisUrl,
    redisKeyPrefix: infra.redisKeyPrefix,
    kafkaBrokers: infra.kafkaBrokers,
    smtpUrl: infra.smtpUrl,
    clockStart: options.clockStart,
    adminKey: keys.admin,
    storefrontKey: keys.storefront,
  }).catch(async (error: unknown) => {
    await infra.stop();
    throw error;
  });
  return {
    infra,
    cluster,
    keys,
    stop: async () => {
      await cluster.stop();
      await infra.stop();
    },
  };
}
