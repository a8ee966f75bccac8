import { Client } from 'pg';
import { testInfra, uniqueSuffix } from './test-env';

async function onServer(sql: string): Promise<void> {
  const client = new Client({ connectionString: testInfra().pgUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A database of its own for one test file (STYLE.md: a fresh database per run), named `<prefix>_<random>`
 * on the run's server; answers its URL.
 */
export async function createTestDatabase(prefix: string): Promise<string> {
  if (!/^[a-z][a-z0-9_]*$/.test(prefix)) throw new Error(`test database prefix ${prefix} must be lower-case letters, digits and _`);
  const name = `${prefix}_${uniqueSuffix()}`;
  await onServer(`CREATE DATABASE ${name}`);
  const url = new URL(testInfra().pgUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a database made by createTestDatabase with the same prefix (its connections closed first); refuses any other. */
export async function dropTestDatabase(url: string, prefix: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!new RegExp(`^${prefix}_[0-9a-f]+$`).test(name)) throw new Error(`refusing to drop ${name}: not a ${prefix} test database`);
  await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
