import type { AdminClient } from '../cluster/admin-client';
import type { ServiceName } from '../cluster/service-cluster';
import { type CheckResult, compare } from './check-result';

interface IngestionLost {
  readonly group: string;
  readonly lost?: readonly { readonly topic: string; readonly partition: number; readonly records: number }[];
}

/**
 * Issue 18: no consumer lost records without saying so, and none lost any. Every service reports the
 * records its group never read (the log start passed them) in `/v1/ops/ingestion`; the check names them.
 */
export async function checkRecordsLost(clients: ReadonlyMap<ServiceName, AdminClient>): Promise<CheckResult> {
  const lost: string[] = [];
  for (const client of clients.values()) {
    const stats = await client.get<IngestionLost>('/v1/ops/ingestion');
    for (const l of stats.lost ?? []) lost.push(`${stats.group}: ${l.topic}[${l.partition}] ${l.records}`);
  }
  return compare('records lost (deleted before a consumer read them)', 'none', lost.length === 0 ? 'none' : lost.join('; '));
}
