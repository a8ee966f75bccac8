import 'reflect-metadata';
import { migrateService } from '@promo/service-runtime';
import { CODE_INVENTORY_SCHEMA, CODE_INVENTORY_SERVICE } from './app.module';
import { codeInventoryEnvSchema } from './config/env.schema';
import { codeInventoryMigrations } from './migrations';

migrateService({ service: CODE_INVENTORY_SERVICE, schema: CODE_INVENTORY_SCHEMA, envSchema: codeInventoryEnvSchema, env: process.env, migrations: codeInventoryMigrations }).catch(
  (error: unknown) => {
    process.stderr.write(`${JSON.stringify({ level: 'fatal', service: CODE_INVENTORY_SERVICE, msg: 'migration failed', err: String(error) })}\n`);
    process.exit(1);
  },
);
