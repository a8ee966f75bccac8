import { readFileSync } from 'node:fs';
import path from 'node:path';
import { committedManifests, type DeployDocument, readYamlDocuments, renderedManifests, REPO_ROOT } from '../src/deploy-documents';
import { describeErrors, loadSchemaRegistry } from '../src/schema-registry';

// X5: docker-compose.yml and every Kubernetes manifest (committed and freshly rendered) checked against
// the official schemas vendored in deploy/schemas, offline. One line per document, then a total.
const registry = loadSchemaRegistry();
const tally = { checked: 0, failed: 0 };

interface Verdict {
  readonly line: string;
  readonly errors: readonly string[];
}

const asRecord = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

function checkManifest(document: DeployDocument): Verdict {
  const manifest = asRecord(document.value);
  const kind = String(manifest['kind']);
  const name = String(asRecord(manifest['metadata'])['name']);
  const validate = registry.kubernetes(String(manifest['apiVersion']), kind);
  const errors = validate ? (validate(document.value) ? [] : describeErrors(validate.errors)) : [`no vendored schema for ${String(manifest['apiVersion'])} ${kind}`];
  return { line: `schema-check ${document.file} ${kind}/${name} ${errors.length === 0 ? 'ok' : 'FAILED'}`, errors };
}

function checkCompose(document: DeployDocument): Verdict {
  const errors = registry.compose(document.value) ? [] : describeErrors(registry.compose.errors);
  return { line: `schema-check ${document.file} Compose/${String(asRecord(document.value)['name'])} ${errors.length === 0 ? 'ok' : 'FAILED'}`, errors };
}

/** Prints each verdict (errors indented under it) and returns the failed ones for the assertion. */
function report(verdicts: readonly Verdict[]): { line: string; errors: readonly string[] }[] {
  for (const verdict of verdicts) {
    tally.checked += 1;
    if (verdict.errors.length > 0) tally.failed += 1;
    process.stdout.write(`${verdict.line}\n${verdict.errors.map((e) => `  ${e}\n`).join('')}`);
  }
  return verdicts.filter((v) => v.errors.length > 0).map((v) => ({ line: v.line, errors: v.errors }));
}

describe('deploy schema check (X5)', () => {
  afterAll(() => {
    process.stdout.write(`schema-check total documents=${tally.checked} ok=${tally.checked - tally.failed} failed=${tally.failed}\n`);
  });

  it('finds every committed manifest of deploy/k8s valid against its Kubernetes or KEDA schema', () => {
    const documents = committedManifests();
    expect(documents.length).toBeGreaterThanOrEqual(28);
    expect(report(documents.map(checkManifest))).toEqual([]);
  });

  it('finds what render.mjs renders now valid, and the same as the committed files', () => {
    const rendered = renderedManifests();
    expect(report(rendered.documents.map(checkManifest))).toEqual([]);
    for (const [file, text] of Object.entries(rendered.files)) {
      expect({ file, text }).toEqual({ file, text: readFileSync(path.join(REPO_ROOT, 'deploy/k8s', file), 'utf8') });
    }
  });

  it('finds docker-compose.yml valid against the Compose Specification schema', () => {
    const documents = readYamlDocuments(path.join(REPO_ROOT, 'docker-compose.yml'), 'docker-compose.yml');
    expect(documents).toHaveLength(1);
    expect(report(documents.map(checkCompose))).toEqual([]);
  });

  describe('refuses what a cluster or Compose would not take', () => {
    const manifest = (value: unknown): DeployDocument => ({ file: 'example', index: 0, value });
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'pricing', namespace: 'promotions' },
      spec: {
        selector: { matchLabels: { app: 'pricing' } },
        template: { metadata: { labels: { app: 'pricing' } }, spec: { containers: [{ name: 'pricing', image: 'promotions/pricing:0.1.0' }] } },
      },
    };

    it('accepts the minimal Deployment the negative cases start from', () => {
      expect(checkManifest(manifest(deployment)).errors).toEqual([]);
    });

    it('names a misspelt field', () => {
      expect(checkManifest(manifest({ ...deployment, spec: { ...deployment.spec, replica: 2 } })).errors).toEqual(["/spec must NOT have additional properties 'replica'"]);
    });

    it('names a value of the wrong type, and a missing required field', () => {
      const verdict = checkManifest(manifest({ ...deployment, spec: { replicas: 'two', template: deployment.spec.template } }));
      expect(verdict.errors).toEqual(['/spec must have required property \'selector\'', '/spec/replicas must be integer']);
    });

    it('checks a KEDA ScaledObject against the CRD schema (at least one trigger), metadata included', () => {
      const scaledObject = { apiVersion: 'keda.sh/v1alpha1', kind: 'ScaledObject', metadata: { name: 'pricing', labelz: {} }, spec: { scaleTargetRef: { name: 'pricing' }, maxReplicaCount: 'ten', triggers: [] } };
      expect(checkManifest(manifest(scaledObject)).errors).toEqual(["/metadata must NOT have additional properties 'labelz'", '/spec/maxReplicaCount must be integer', '/spec/triggers must NOT have fewer than 1 items']);
    });

    it('refuses a kind no vendored schema describes', () => {
      expect(checkManifest(manifest({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'x' } })).errors).toEqual(['no vendored schema for apps/v1 DaemonSet']);
    });

    it('names an unknown key of a Compose service', () => {
      const compose = { name: 'example', services: { web: { image: 'nginx:1.27', restart_policy: 'always' } } };
      expect(checkCompose({ file: 'example', index: 0, value: compose }).errors).toEqual(["/services/web must NOT have additional properties 'restart_policy'"]);
    });
  });
});
