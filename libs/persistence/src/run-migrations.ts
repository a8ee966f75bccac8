import { Client } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * Creates the app's schema if needed and applies pending migrations, each in its own transaction.
 * Runs of the same schema are serialised by a session advisory lock held on a connection of its own
 * (outside the data source's pool, so a pool of one cannot deadlock): two replicas' migrate commands, or
 * two test workers, starting together never race on the schema or the migrations table; the second
 * waits, then finds nothing pending.
 */
export async function runMigrations(dataSource: DataSource, schema: string): Promise<readonly string[]> {
  const url = 'url' in dataSource.options ? dataSource.options.url : undefined;
  if (url === undefined) throw new Error('runMigrations needs a data source configured with a url');
  const lock = new Client({ connectionString: url, application_name: `migrate-${schema}` });
  await lock.connect();
  try {
    await lock.query(`SELECT pg_advisory_lock(hashtext($1))`, [`migrations:${schema}`]);
    if (!dataSource.isInitialized) await dataSource.initialize();
    await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    // Ending the session releases the lock, also when a migration failed.
    await lock.end();
  }
}
