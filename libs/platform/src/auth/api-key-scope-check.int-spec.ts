import { Pool } from 'pg';
import { createTestDatabase, dropTestDatabase } from '../testing';
import { activeApiKeyHashes, createApiKey, migrateApiKeyTable } from './api-key.table';

const PREFIX = 'api_key_scopes';

describe('platform.api_keys made before the service scopes (#19)', () => {
  let url: string;
  let pool: Pool;

  beforeAll(async () => {
    url = await createTestDatabase(PREFIX);
    pool = new Pool({ connectionString: url, max: 1 });
    // The table as the first release made it: a CHECK of storefront and admin only.
    await pool.query('CREATE SCHEMA platform');
    await pool.query(`
      CREATE TABLE platform.api_keys (
        id uuid PRIMARY KEY,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        scope text NOT NULL CHECK (scope IN ('storefront', 'admin')),
        key_hash char(64) NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await createApiKey(pool, { scope: 'admin', name: 'kept' });
  });

  afterAll(async () => {
    await pool?.end();
    if (url) await dropTestDatabase(url, PREFIX);
  });

  it('is widened by the migration, keeps its keys, holds code-lookup and code-issue keys and still refuses an unknown scope', async () => {
    await migrateApiKeyTable(pool);
    await migrateApiKeyTable(pool);
    await createApiKey(pool, { scope: 'code-lookup', name: 'pricing' });
    await createApiKey(pool, { scope: 'code-issue', name: 'campaigns' });
    expect((await activeApiKeyHashes(pool)).map((k) => k.scope).sort()).toEqual(['admin', 'code-issue', 'code-lookup']);
    await expect(pool.query(`INSERT INTO platform.api_keys (id, name, scope, key_hash) VALUES (gen_random_uuid(), 'x', 'root', repeat('a', 64))`)).rejects.toThrow('api_keys_scope_check');
  });
});
