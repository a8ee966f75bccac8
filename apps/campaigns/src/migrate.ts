import 'reflect-metadata';
import { migrateService } from '@promo/service-runtime';
import { CAMPAIGNS_SCHEMA, CAMPAIGNS_SERVICE } from './app.module';
import { campaignsEnvSchema } from './config/env.schema';
import { campaignsMigrations } from './migrations';

migrateService({ service: CAMPAIGNS_SERVICE, schema: CAMPAIGNS_SCHEMA, envSchema: campaignsEnvSchema, env: process.env, migrations: campaignsMigrations }).catch(
  (error: unknown) => {
    process.stderr.write(`${JSON.stringify({ level: 'fatal', service: CAMPAIGNS_SERVICE, msg: 'migration failed', err: String(error) })}\n`);
    process.exit(1);
  },
);
