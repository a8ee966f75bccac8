import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { waitFor } from '@promo/platform/testing';

const workspaceRoot = path.resolve(__dirname, '../../../..');

/** A free TCP port on 127.0.0.1, for a service started by a test. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface ServiceProcess {
  readonly child: ChildProcessWithoutNullStreams;
  readonly baseUrl: string;
  /** Everything the process wrote, stdout and stderr, for assertions on its logs. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Node options for the started services only, e.g. `SERVICE_NODE_ARGS="--cpu-prof --cpu-prof-dir=tmp/prof"`
 * to profile a service under a benchmark (`--cpu-prof` is not allowed in NODE_OPTIONS).
 */
function serviceNodeArgs(): string[] {
  return (process.env['SERVICE_NODE_ARGS'] ?? '').split(' ').filter((arg) => arg !== '');
}

/** Starts `apps/<app>/src/<entry>.ts` as its own process, as `npm start` does. */
export function startServiceProcess(app: string, entry: 'main' | 'migrate', env: Readonly<Record<string, string>>): ServiceProcess {
  const child = spawn(process.execPath, [...serviceNodeArgs(), '-r', '@swc-node/register', path.join(workspaceRoot, 'apps', app, 'src', `${entry}.ts`)], {
    cwd: workspaceRoot,
    env: { ...process.env, SWC_NODE_PROJECT: path.join(workspaceRoot, 'tsconfig.json'), ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, baseUrl: `http://127.0.0.1:${env['HTTP_PORT'] ?? '0'}`, output: () => output, exited };
}

/** Waits until `/health/ready` answers 200, failing with the process output if it exits first. */
export async function waitUntilReady(service: ServiceProcess, timeoutMs = 60_000): Promise<void> {
  let hasExited = false;
  void service.exited.then(() => (hasExited = true));
  await waitFor(
    async () => {
      if (hasExited) throw new Error(`the service exited before it was ready:\n${service.output().slice(-3_000)}`);
      const response = await fetch(`${service.baseUrl}/health/ready`).catch(() => undefined);
      return response?.status === 200;
    },
    { timeoutMs, intervalMs: 200, description: `${service.baseUrl}/health/ready` },
  );
}
