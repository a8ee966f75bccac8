import 'reflect-metadata';
import { bootstrapService } from '@promo/platform';
import { AppModule, REDEMPTION_LEDGER_SERVICE } from './app.module';
import { redemptionLedgerEnvSchema } from './config/env.schema';

void bootstrapService({ service: REDEMPTION_LEDGER_SERVICE, envSchema: redemptionLedgerEnvSchema, env: process.env, appModule: (config) => AppModule.forRoot(config) });
