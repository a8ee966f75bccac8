import 'reflect-metadata';
import { bootstrapService } from '@promo/platform';
import { AppModule, CAMPAIGNS_SERVICE } from './app.module';
import { campaignsEnvSchema } from './config/env.schema';

void bootstrapService({ service: CAMPAIGNS_SERVICE, envSchema: campaignsEnvSchema, env: process.env, appModule: (config) => AppModule.forRoot(config) });
