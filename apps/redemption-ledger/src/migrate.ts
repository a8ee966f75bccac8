import 'reflect-metadata';
import { migrateService } from '@promo/service-runtime';
import { REDEMPTION_LEDGER_SCHEMA, REDEMPTION_LEDGER_SERVICE } from './app.module';
import { redemptionLedgerEnvSchema } from './config/env.schema';
import { redemptionLedgerMigrations } from './migrations';

migrateService({ service: REDEMPTION_LEDGER_SERVICE, schema: REDEMPTION_LEDGER_SCHEMA, envSchema: redemptionLedgerEnvSchema, env: process.env, migrations: redemptionLedgerMigrations }).catch(
  (error: unknown) => {
    process.stderr.write(`${JSON.stringify({ level: 'fatal', service: REDEMPTION_LEDGER_SERVICE, msg: 'migration failed', err: String(error) })}\n`);
    process.exit(1);
  },
);
