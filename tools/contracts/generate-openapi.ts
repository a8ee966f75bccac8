// Writes libs/contracts/openapi/<service>.openapi.json from each service's /docs-json (#24):
//   npm run contracts:openapi   (node -r @swc-node/register tools/contracts/generate-openapi.ts)
// Each service is started in-process as its integration tests start it (the same modules, HTTP pipeline and
// setupApiDocs), against the local Postgres, Redis and Kafka (npm run infra:up), on a database of its own that
// is dropped at the end. The document is what the running service serves, so the drift test
// (apps/<service>/test/openapi-document.int-spec.ts) compares like with like.
import { writeFileSync } from 'node:fs';
import { ManualClock } from '../../libs/platform/src/clock/clock';
import { committedApiDocumentPath, DOCUMENTED_SERVICES, type DocumentedService, servedApiDocument } from '../../libs/platform/src/testing/committed-api-document';
import { createTestDatabase, dropTestDatabase } from '../../libs/platform/src/testing/test-database';
import { testInfra } from '../../libs/platform/src/testing/test-env';

const LOCAL_INFRA = {
  PG_URL: process.env['PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  REDIS_URL: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
  KAFKA_BROKERS: process.env['KAFKA_BROKERS'] ?? '127.0.0.1:19092',
  REDIS_KEY_PREFIX: 'contracts-openapi:',
};
const DATABASE_PREFIX = 'contracts_openapi';

interface StartedService {
  readonly baseUrl: string;
  close(): Promise<void>;
}

// Imported lazily: each app's modules read their configuration only once started, after the environment is set.
const START: Readonly<Record<DocumentedService, () => Promise<StartedService>>> = {
  pricing: async () => (await import('../../apps/pricing/test/support/pricing-app')).startPricingApp(),
  'code-inventory': async () => (await import('../../apps/code-inventory/test/support/inventory-app')).startInventoryApp(),
  'redemption-ledger': async () => {
    const ledger = await import('../../apps/redemption-ledger/test/support/ledger-test-env');
    const env = ledger.ledgerTestEnv(testInfra().pgUrl);
    await ledger.migrate(env);
    const running = await ledger.startLedger(env);
    return { baseUrl: running.baseUrl, close: () => running.app.close() };
  },
  campaigns: async () => {
    const campaigns = await import('../../apps/campaigns/test/support/campaigns-test-env');
    const env = campaigns.campaignsTestEnv(testInfra().pgUrl);
    await campaigns.migrate(env);
    const running = await campaigns.startCampaigns(env, new ManualClock('2026-01-01T00:00:00Z'));
    return { baseUrl: running.baseUrl, close: () => running.app.close() };
  },
};

async function writeServedDocument(service: DocumentedService): Promise<void> {
  const started = await START[service]();
  try {
    writeFileSync(committedApiDocumentPath(service), await servedApiDocument(started.baseUrl));
    console.log(`wrote ${committedApiDocumentPath(service)}`);
  } finally {
    await started.close();
  }
}

async function main(): Promise<void> {
  Object.assign(process.env, LOCAL_INFRA);
  const database = await createTestDatabase(DATABASE_PREFIX);
  // The services use the new database; creating and dropping it happens on the server's default one.
  process.env['PG_URL'] = database;
  try {
    for (const service of DOCUMENTED_SERVICES) await writeServedDocument(service);
  } finally {
    process.env['PG_URL'] = LOCAL_INFRA.PG_URL;
    await dropTestDatabase(database, DATABASE_PREFIX);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
