import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { Controller, Get, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Pool } from 'pg';
import { testInfra, waitFor } from '../testing';
import { configureHttpApp } from '../bootstrap/configure-http-app';
import { commonEnvSchema } from '../config/common-env.schema';
import { parseEnv } from '../config/parse-env';
import { PlatformModule } from '../platform.module';
import { listApiKeys } from './api-key.table';
import { RequiresScope } from './requires-scope.decorator';

const workspaceRoot = path.resolve(__dirname, '../../../..');
const REFRESH_MS = 300;

@Controller('v1')
class ScopedController {
  @Get('price')
  @RequiresScope('storefront')
  price(): string {
    return 'priced';
  }

  @Get('admin')
  @RequiresScope('admin')
  admin(): string {
    return 'administered';
  }
}

async function keysCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['-r', '@swc-node/register', 'tools/keys/keys.cli.ts', ...args], {
      cwd: workspaceRoot,
      env: { ...process.env, PG_URL: testInfra().pgUrl, SWC_NODE_PROJECT: path.join(workspaceRoot, 'tsconfig.json') },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('API keys made with npm run keys (platform.api_keys)', () => {
  let app: INestApplication;
  let baseUrl: string;
  let pool: Pool;

  beforeAll(async () => {
    pool = new Pool({ connectionString: testInfra().pgUrl, max: 1 });
    const config = parseEnv(commonEnvSchema({ httpPort: 3999 }), { PG_URL: testInfra().pgUrl, API_KEYS_REFRESH_MS: String(REFRESH_MS), LOG_LEVEL: 'silent' });
    const moduleRef = await Test.createTestingModule({ imports: [PlatformModule.forRoot({ service: 'keys-test', config })], controllers: [ScopedController] }).compile();
    // The CLI creates the schema first, so the service finds the table at boot.
    expect((await keysCli('list')).code).toBe(0);
    app = configureHttpApp(moduleRef.createNestApplication({ bufferLogs: true }));
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
  });

  afterAll(async () => {
    await app?.close();
    await pool?.end();
  });

  const call = (route: string, key: string) => fetch(`${baseUrl}/v1/${route}`, { headers: { 'x-api-key': key } });

  it('a created storefront key works within the refresh bound, is refused admin routes (403), and stops working once revoked (401)', async () => {
    const created = await keysCli('create', '--scope', 'storefront', '--name', 'checkout-web', '--json');
    expect(created.code).toBe(0);
    const { id, key, scope, name } = JSON.parse(created.stdout) as { id: string; key: string; scope: string; name: string };
    expect({ scope, name }).toEqual({ scope: 'storefront', name: 'checkout-web' });
    expect(key).toMatch(/^pk_storefront_[A-Za-z0-9_-]{32}$/);

    const stored = (await pool.query<{ key_hash: string }>('SELECT key_hash FROM platform.api_keys WHERE id = $1', [id])).rows[0];
    expect(stored?.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.key_hash).not.toContain(key);

    await waitFor(async () => (await call('price', key)).status === 200, { timeoutMs: 10 * REFRESH_MS, description: 'the new key is accepted' });
    expect(await (await call('price', key)).text()).toBe('priced');

    const forbidden = await call('admin', key);
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get('content-type')).toContain('application/problem+json');
    expect(await forbidden.json()).toMatchObject({ status: 403, detail: 'this route needs the admin scope' });

    const revoked = await keysCli('revoke', id);
    expect(revoked.code).toBe(0);
    await waitFor(async () => (await call('price', key)).status === 401, { timeoutMs: 10 * REFRESH_MS, description: 'the revoked key is refused' });
    const refused = await call('price', key);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(await refused.json()).toMatchObject({ status: 401, type: '/problems/unauthorized' });

    const listed = (await listApiKeys(pool)).find((k) => k.id === id);
    expect(listed?.revokedAt).toBeInstanceOf(Date);
  });

  it('an admin key made by the CLI may call storefront and admin routes', async () => {
    const { key } = JSON.parse((await keysCli('create', '--scope', 'admin', '--json')).stdout) as { key: string };
    await waitFor(async () => (await call('admin', key)).status === 200, { timeoutMs: 10 * REFRESH_MS, description: 'the admin key is accepted' });
    expect((await call('price', key)).status).toBe(200);
  });

  it('the CLI refuses an unknown scope and an unknown id, and list never prints a key or hash', async () => {
    const badScope = await keysCli('create', '--scope', 'root');
    expect(badScope.code).toBe(2);
    expect(badScope.stderr).toContain('--scope must be one of storefront, admin, code-lookup, code-issue');
    expect((await keysCli('revoke', '00000000-0000-4000-8000-000000000000')).code).toBe(2);
    const listed = await keysCli('list', '--json');
    expect(listed.code).toBe(0);
    expect(listed.stdout).not.toMatch(/pk_|[0-9a-f]{64}/);
  });
});
