// API keys (X3): npm run keys -- create --scope admin|storefront [--name x] [--json] | revoke <id> | list [--json]
// Reads PG_URL (default postgres://postgres@127.0.0.1:5432/promotions). Only the SHA-256 of a key is stored;
// the key is printed once, by `create`. Services pick up a change within API_KEYS_REFRESH_MS (default 5 s).
import { Pool } from 'pg';
import { API_KEY_SCOPES, type ApiKeyScope, createApiKey, listApiKeys, migrateApiKeyTable, revokeApiKey } from '@promo/platform';

const USAGE = 'usage: npm run keys -- create --scope <storefront|admin|code-lookup|code-issue> [--name <name>] [--json] | revoke <id> | list [--json]';

function option(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

async function main(args: readonly string[]): Promise<void> {
  const [command, ...rest] = args;
  const asJson = rest.includes('--json');
  if (command !== 'create' && command !== 'revoke' && command !== 'list') fail(`unknown command ${command ?? '(none)'}`);
  const pool = new Pool({ connectionString: process.env['PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/promotions', max: 1, application_name: 'keys-cli' });
  try {
    await migrateApiKeyTable(pool);
    if (command === 'create') {
      const scope = option(rest, 'scope');
      if (!scope || !(API_KEY_SCOPES as readonly string[]).includes(scope)) fail(`--scope must be one of ${API_KEY_SCOPES.join(', ')}`);
      const { record, key } = await createApiKey(pool, { scope: scope as ApiKeyScope, name: option(rest, 'name') ?? `${scope} key` });
      if (asJson) console.log(JSON.stringify({ ...record, key }));
      else console.log(`created ${record.scope} key ${record.id} (${record.name})\nkey (shown once; send it as header x-api-key): ${key}`);
    } else if (command === 'revoke') {
      const id = rest.find((arg) => !arg.startsWith('--'));
      if (!id) fail('revoke needs the id of a key (npm run keys -- list)');
      if (!(await revokeApiKey(pool, id))) fail(`no active key with id ${id}`);
      console.log(`revoked ${id}; services refuse it within API_KEYS_REFRESH_MS (default 5 s)`);
    } else {
      const keys = await listApiKeys(pool);
      if (asJson) console.log(JSON.stringify(keys));
      else for (const k of keys) console.log(`${k.id}  ${k.scope.padEnd(10)}  ${k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : 'active'}  ${k.createdAt.toISOString()}  ${k.name}`);
    }
  } finally {
    await pool.end();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`keys: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
