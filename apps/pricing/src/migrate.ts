import 'reflect-metadata';
import { migrateService } from '@promo/service-runtime';
import { PRICING_SCHEMA, PRICING_SERVICE } from './app.module';
import { pricingEnvSchema } from './config/env.schema';
import { pricingMigrations } from './migrations';

migrateService({ service: PRICING_SERVICE, schema: PRICING_SCHEMA, envSchema: pricingEnvSchema, env: process.env, migrations: pricingMigrations }).catch(
  (error: unknown) => {
    process.stderr.write(`${JSON.stringify({ level: 'fatal', service: PRICING_SERVICE, msg: 'migration failed', err: String(error) })}\n`);
    process.exit(1);
  },
);
