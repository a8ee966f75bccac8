import type { DataSource } from 'typeorm';

/** Creates the app's schema if needed and applies pending migrations, each in its own transaction. */
export async function runMigrations(dataSource: DataSource, schema: string): Promise<readonly string[]> {
  if (!dataSource.isInitialized) await dataSource.initialize();
  await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((migration) => migration.name);
}
