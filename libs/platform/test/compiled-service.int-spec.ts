import { execFile, spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { testInfra, uniqueSuffix, waitFor } from '../src/testing';

// What deploy/Dockerfile ships: the service compiled by deploy/build-service.mjs, run by plain node.
const root = path.resolve(__dirname, '../../..');
const APP = 'redemption-ledger';

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* files(full);
    else yield full;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('the compiled service of the container image', () => {
  const infra = testInfra();
  const outDir = path.join(root, 'tmp', `build-${uniqueSuffix()}`);
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    PG_URL: infra.pgUrl,
    REDIS_URL: infra.redisUrl,
    REDIS_KEY_PREFIX: `${infra.redisKeyPrefix}compiled-${uniqueSuffix()}:`,
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    LOG_LEVEL: 'info',
  };

  beforeAll(async () => {
    await promisify(execFile)(process.execPath, ['deploy/build-service.mjs', APP, path.relative(root, outDir)], { cwd: root });
  });

  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('needs no development dependency and no TypeScript at runtime', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    const compiled = [...files(outDir)].filter((f) => f.endsWith('.js'));
    expect(compiled.length).toBeGreaterThan(50);
    const required = new Set(compiled.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/require\("([^".][^"]*)"\)/g)].map((m) => m[1] ?? '')));
    const packages = [...required].map((name) => (name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : (name.split('/')[0] ?? '')));
    expect(packages.filter((name) => name in pkg.devDependencies || name.startsWith('@promo/'))).toEqual([]);
    expect([...files(outDir)].filter((f) => f.endsWith('.ts'))).toEqual([]);
  });

  it('migrates, becomes ready, serves its docs and stops cleanly on SIGTERM', async () => {
    const migrate = await promisify(execFile)(process.execPath, [path.join(outDir, 'apps', APP, 'src', 'migrate.js')], { cwd: root, env });
    expect(migrate.stdout).toMatch(/"msg":"(schema up to date|migrations applied)"/);

    const port = await freePort();
    const child = spawn(process.execPath, [path.join(outDir, 'apps', APP, 'src', 'main.js')], { cwd: root, env: { ...env, HTTP_PORT: String(port) } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => undefined))?.status === 200, {
        timeoutMs: 60_000,
        description: `the compiled ${APP} is ready`,
      });
      const docs = (await (await fetch(`http://127.0.0.1:${port}/docs-json`)).json()) as { openapi: string };
      expect(docs.openapi).toMatch(/^3\./);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(output).toContain('consumer stopped with offsets committed; outbox flushed');
  });
});
