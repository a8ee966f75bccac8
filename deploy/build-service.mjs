// Compiles one service and the libraries to plain CommonJS under dist/ (no TypeScript at runtime):
//   node deploy/build-service.mjs <app> [outDir]
// Used by deploy/Dockerfile; @promo/* imports are rewritten to relative paths, assets (JSON schemas, Lua) are copied.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformFile } from '@swc/core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [app, outArg] = process.argv.slice(2);
if (!app || !fs.existsSync(path.join(root, 'apps', app, 'src', 'main.ts'))) {
  console.error('usage: node deploy/build-service.mjs <app> [outDir]');
  process.exit(2);
}
const outDir = path.resolve(root, outArg ?? 'dist');
const { compilerOptions } = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8'));
const swcrc = JSON.parse(fs.readFileSync(path.join(root, '.swcrc'), 'utf8'));
const isTestOnly = (file) => /\.(int-)?spec\.ts$/.test(file) || /[\\/](testing|test|bench)[\\/]/.test(file);

function* walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else yield full;
  }
}

const sources = [path.join(root, 'apps', app, 'src'), ...fs.readdirSync(path.join(root, 'libs')).map((lib) => path.join(root, 'libs', lib, 'src'))].filter((dir) => fs.existsSync(dir));
let compiled = 0;
for (const dir of sources) {
  for (const file of walk(dir)) {
    if (isTestOnly(path.relative(root, file))) continue;
    const target = path.join(outDir, path.relative(root, file));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (!file.endsWith('.ts')) {
      fs.copyFileSync(file, target);
      continue;
    }
    const { code } = await transformFile(file, {
      ...swcrc,
      $schema: undefined,
      sourceMaps: false,
      jsc: { ...swcrc.jsc, baseUrl: root, paths: compilerOptions.paths },
    });
    fs.writeFileSync(target.replace(/\.ts$/, '.js'), code);
    compiled += 1;
  }
}
console.log(`compiled ${compiled} files of ${app} and the libraries into ${path.relative(root, outDir) || '.'}`);
