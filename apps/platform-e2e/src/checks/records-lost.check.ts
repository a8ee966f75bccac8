import { ingestionStats, type ServiceClients } from '../cluster/service-clients';
import type { ServiceName } from '../cluster/service-cluster';
import { type CheckResult, compare } from './check-result';

/**
 * Issue 18: no consumer lost records without saying so, and none lost any. Every service reports the
 * records its group never read (the log start passed them) in `/v1/ops/ingestion`; the check names them.
 */
export async function checkRecordsLost(clients: ServiceClients, services: readonly ServiceName[]): Promise<CheckResult> {
  const lost: string[] = [];
  for (const service of services) {
    const stats = await ingestionStats(clients, service);
    for (const l of stats.lost ?? []) lost.push(`${stats.group}: ${l.topic}[${l.partition}] ${l.records}`);
  }
  return compare('records lost (deleted before a consumer read them)', 'none', lost.length === 0 ? 'none' : lost.join('; '));
}
