// Re-vendors the JSON Schemas the schema-check project validates deploy/ against (no network at test time).
//   node deploy/schemas/vendor-schemas.mjs <kubernetes swagger.json> <keda.sh_scaledobjects.yaml> <compose-spec.json>
// Where to download the three inputs, and which versions are vendored now: deploy/schemas/README.md.
// Only the definitions our manifests use are kept, and their `description`s are dropped (documentation, not
// rules); nothing else is changed. Strictness (unknown fields refused) is added at test time, see
// libs/deploy-schemas/src/schema-registry.ts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

const dir = path.dirname(fileURLToPath(import.meta.url));
const [swaggerFile, kedaCrdFile, composeFile] = process.argv.slice(2);
if (!swaggerFile || !kedaCrdFile || !composeFile) {
  console.error('usage: node deploy/schemas/vendor-schemas.mjs <swagger.json> <keda.sh_scaledobjects.yaml> <compose-spec.json>');
  process.exit(64);
}

/** The Kubernetes kinds deploy/k8s uses (render.mjs); add one here when the manifests gain a kind. */
const KINDS = [
  'io.k8s.api.core.v1.Namespace',
  'io.k8s.api.core.v1.ConfigMap',
  'io.k8s.api.core.v1.Secret',
  'io.k8s.api.core.v1.Service',
  'io.k8s.api.apps.v1.Deployment',
  'io.k8s.api.batch.v1.Job',
  'io.k8s.api.policy.v1.PodDisruptionBudget',
];

const withoutDescriptions = (node) => {
  if (Array.isArray(node)) return node.map(withoutDescriptions);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(Object.entries(node).filter(([key]) => key !== 'description').map(([key, value]) => [key, withoutDescriptions(value)]));
};

function kubernetesSubset(swagger) {
  const kept = {};
  const visit = (name) => {
    if (kept[name]) return;
    const definition = swagger.definitions[name];
    if (!definition) throw new Error(`the swagger document has no definition ${name}`);
    kept[name] = withoutDescriptions(definition);
    for (const ref of JSON.stringify(definition).matchAll(/"\$ref":"#\/definitions\/([^"]+)"/g)) visit(ref[1]);
  };
  KINDS.forEach(visit);
  const sorted = Object.fromEntries(Object.keys(kept).sort().map((name) => [name, kept[name]]));
  return { $id: 'kubernetes.json', description: `Kubernetes ${swagger.info.title} API definitions (subset)`, definitions: sorted };
}

function kedaScaledObject(crdYaml) {
  const crd = parseAllDocuments(crdYaml).map((d) => d.toJS()).find((d) => d?.kind === 'CustomResourceDefinition');
  const version = crd.spec.versions.find((v) => v.name === 'v1alpha1');
  return { $id: 'keda-scaledobject.json', ...withoutDescriptions(version.schema.openAPIV3Schema) };
}

const write = (file, schema) => fs.writeFileSync(path.join(dir, file), `${JSON.stringify(schema, null, 1)}\n`);
write('kubernetes.json', kubernetesSubset(JSON.parse(fs.readFileSync(swaggerFile, 'utf8'))));
write('keda-scaledobject.json', kedaScaledObject(fs.readFileSync(kedaCrdFile, 'utf8')));
fs.copyFileSync(composeFile, path.join(dir, 'compose-spec.json'));
console.log(`vendored kubernetes.json, keda-scaledobject.json, compose-spec.json into ${path.relative(process.cwd(), dir)}`);
