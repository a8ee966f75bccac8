import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const workspaceRoot = path.resolve(__dirname, '../../../..');

/** `vite build` of the console into `outDir` (the suite's own, so a running `npm start` keeps its copy). */
export async function buildConsole(outDir: string): Promise<void> {
  const vite = path.join(workspaceRoot, 'node_modules/vite/bin/vite.js');
  const args = [vite, 'build', '-c', path.join(workspaceRoot, 'apps/console/vite.config.mts'), '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'];
  const child = spawn(process.execPath, args, { cwd: workspaceRoot });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0 || !existsSync(path.join(outDir, 'index.html'))) throw new Error(`vite build failed (${code}):\n${output}`);
}
