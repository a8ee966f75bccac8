import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);
const WORKSPACE = path.resolve(__dirname, '../../../..');

/**
 * Runs one of the project's infrastructure tools (`tools/<path>.mjs`) in a child process without blocking
 * this one (a test's clients keep going meanwhile); resolves with its output, rejects with it on failure.
 */
export async function runTool(tool: string, args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<string> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [path.join(WORKSPACE, 'tools', tool), ...args], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 180_000 });
    return `${stdout}${stderr}`;
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    throw new Error(`tools/${tool} ${args.join(' ')} failed:\n${failed.stdout ?? ''}${failed.stderr ?? String(error)}`);
  }
}
