import 'reflect-metadata';
import { bootstrapService } from '@promo/platform';
import { AppModule, PRICING_SERVICE } from './app.module';
import { pricingEnvSchema } from './config/env.schema';

void bootstrapService({ service: PRICING_SERVICE, envSchema: pricingEnvSchema, env: process.env, appModule: (config) => AppModule.forRoot(config) });
