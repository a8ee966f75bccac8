import 'reflect-metadata';
import { bootstrapService } from '@promo/platform';
import { AppModule, CODE_INVENTORY_SERVICE } from './app.module';
import { codeInventoryEnvSchema } from './config/env.schema';

void bootstrapService({ service: CODE_INVENTORY_SERVICE, envSchema: codeInventoryEnvSchema, env: process.env, appModule: (config) => AppModule.forRoot(config) });
