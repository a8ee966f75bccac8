import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

export const REPO_ROOT = path.resolve(__dirname, '../../..');

/** One YAML document of a deploy file, with the file as shown in the report (relative to the repo). */
export interface DeployDocument {
  readonly file: string;
  readonly index: number;
  readonly value: unknown;
}

/** Every document of a YAML file; a syntax error throws naming the file. */
export function readYamlDocuments(absolute: string, shownAs: string): DeployDocument[] {
  const documents = parseAllDocuments(readFileSync(absolute, 'utf8'), { merge: true });
  return documents.map((document, index) => {
    if (document.errors.length > 0) throw new Error(`${shownAs}: ${document.errors.map((e) => e.message).join('; ')}`);
    return { file: shownAs, index, value: document.toJS({ maxAliasCount: -1 }) as unknown };
  });
}

/** The committed manifests of deploy/k8s. */
export function committedManifests(): DeployDocument[] {
  const dir = path.join(REPO_ROOT, 'deploy/k8s');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .flatMap((file) => readYamlDocuments(path.join(dir, file), `deploy/k8s/${file}`));
}

/** What `node deploy/k8s/render.mjs` produces now, rendered into a temporary directory. */
export function renderedManifests(): { readonly documents: DeployDocument[]; readonly files: Record<string, string> } {
  const dir = mkdtempSync(path.join(tmpdir(), 'promo-render-'));
  try {
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'deploy/k8s/render.mjs'), dir], { stdio: 'pipe' });
    const names = readdirSync(dir).filter((file) => file.endsWith('.yaml')).sort();
    return {
      documents: names.flatMap((file) => readYamlDocuments(path.join(dir, file), `render.mjs:${file}`)),
      files: Object.fromEntries(names.map((file) => [file, readFileSync(path.join(dir, file), 'utf8')])),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
