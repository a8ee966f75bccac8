import { randomBytes, randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { API_KEY_SCOPES, type ApiKeyScope } from './api-key-scope';
import { hashApiKey } from './api-key.store';

/**
 * The `platform.api_keys` table (X3): keys created and revoked by `npm run keys`, shared by every service
 * on the database. Only the SHA-256 of a key is stored; the key itself is shown once, when it is made.
 * The `platform` schema belongs to libs/platform; it is created by the keys CLI and by every service's
 * `migrate` command (idempotent, serialised by an advisory lock).
 */
export const API_KEY_TABLE = 'platform.api_keys';

export interface ApiKeyRecord {
  readonly id: string;
  readonly name: string;
  readonly scope: ApiKeyScope;
  readonly createdAt: Date;
  readonly revokedAt: Date | null;
}

type Queryable = Pick<Pool | PoolClient, 'query'>;

/** The name Postgres gave the column's CHECK when the table was first made; kept, so a widening finds it. */
const SCOPE_CHECK = 'api_keys_scope_check';

/** `scope IN ('storefront', ...)` over API_KEY_SCOPES (constants of this file's own, never input). */
function scopeCheck(): string {
  return `scope IN (${API_KEY_SCOPES.map((scope) => `'${scope}'`).join(', ')})`;
}

/** Creates the schema and table when missing and widens the scope CHECK to every scope; safe to run concurrently from several migrations. */
export async function migrateApiKeyTable(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('platform.api_keys'))`);
    await client.query('CREATE SCHEMA IF NOT EXISTS platform');
    await client.query(`
      CREATE TABLE IF NOT EXISTS platform.api_keys (
        id uuid PRIMARY KEY,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        scope text NOT NULL CONSTRAINT ${SCOPE_CHECK} CHECK (${scopeCheck()}),
        key_hash char(64) NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    // A table made before a scope was added (code-lookup, code-issue: #19) has a narrower CHECK: widen it.
    const current = await client.query<{ definition: string }>(
      `SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conrelid = 'platform.api_keys'::regclass AND conname = $1`,
      [SCOPE_CHECK],
    );
    const definition = current.rows[0]?.definition ?? '';
    if (!API_KEY_SCOPES.every((scope) => definition.includes(`'${scope}'`))) {
      await client.query(`ALTER TABLE platform.api_keys DROP CONSTRAINT IF EXISTS ${SCOPE_CHECK}, ADD CONSTRAINT ${SCOPE_CHECK} CHECK (${scopeCheck()})`);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

/** Makes a key of `scope`; returns its record and the key in clear (never stored, shown once). */
export async function createApiKey(db: Queryable, input: { readonly scope: ApiKeyScope; readonly name: string }): Promise<{ record: ApiKeyRecord; key: string }> {
  if (!API_KEY_SCOPES.includes(input.scope)) throw new Error(`scope must be one of ${API_KEY_SCOPES.join(', ')}`);
  const key = `pk_${input.scope}_${randomBytes(24).toString('base64url')}`;
  const rows = (
    await db.query<RecordRow>(
      `INSERT INTO platform.api_keys (id, name, scope, key_hash) VALUES ($1, $2, $3, $4) RETURNING id, name, scope, created_at, revoked_at`,
      [randomUUID(), input.name, input.scope, hashApiKey(key)],
    )
  ).rows;
  return { record: toRecord(rows[0]), key };
}

/** Revokes a key by id; false when there is no such key or it was already revoked. */
export async function revokeApiKey(db: Queryable, id: string): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return false;
  const result = await db.query(`UPDATE platform.api_keys SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [id]);
  return (result.rowCount ?? 0) > 0;
}

export async function listApiKeys(db: Queryable): Promise<readonly ApiKeyRecord[]> {
  return (await db.query<RecordRow>(`SELECT id, name, scope, created_at, revoked_at FROM platform.api_keys ORDER BY created_at, id`)).rows.map(toRecord);
}

/** The hashes of every key not revoked, for the guard's store. */
export async function activeApiKeyHashes(db: Queryable): Promise<readonly { readonly hash: string; readonly scope: ApiKeyScope }[]> {
  const rows = (await db.query<{ key_hash: string; scope: string }>(`SELECT key_hash, scope FROM platform.api_keys WHERE revoked_at IS NULL`)).rows;
  return rows.flatMap((row) => (isScope(row.scope) ? [{ hash: row.key_hash, scope: row.scope }] : []));
}

interface RecordRow {
  readonly id: string;
  readonly name: string;
  readonly scope: string;
  readonly created_at: Date;
  readonly revoked_at: Date | null;
}

function isScope(value: string): value is ApiKeyScope {
  return (API_KEY_SCOPES as readonly string[]).includes(value);
}

function toRecord(row: RecordRow | undefined): ApiKeyRecord {
  if (!row || !isScope(row.scope)) throw new Error('unexpected api_keys row');
  return { id: row.id, name: row.name, scope: row.scope, createdAt: row.created_at, revokedAt: row.revoked_at };
}
