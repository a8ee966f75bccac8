import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');

// #24: the committed types are what `npm run contracts:client` makes of the committed OpenAPI documents; a document
// regenerated without the types (or types edited by hand) fails here, naming the command that fixes it. The generator
// runs as its own process: openapi-typescript's dependencies are ES modules that Jest's CommonJS runtime cannot load.
describe('the generated client types (libs/client/src/generated)', () => {
  it('equal what `npm run contracts:client` generates from the committed OpenAPI documents', () => {
    const run = spawnSync(process.execPath, ['-r', '@swc-node/register', 'tools/contracts/generate-client.ts', '--check'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n').filter((line) => line !== '')).toEqual([]);
    expect(run.status).toBe(0);
  }, 150_000);
});
