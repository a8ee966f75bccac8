import { type DynamicModule, Module } from '@nestjs/common';
import type { Clock } from '@promo/platform';
import { ServiceCoreModule } from '@promo/service-runtime';
import type { PricingConfig } from './config/env.schema';
import { pricingMigrations } from './migrations';

export const PRICING_SERVICE = 'pricing';
export const PRICING_SCHEMA = 'pricing';

@Module({})
export class AppModule {
  static forRoot(config: PricingConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forRoot({
          service: PRICING_SERVICE,
          schema: PRICING_SCHEMA,
          config,
          migrations: pricingMigrations,
          ...(clock ? { clock } : {}),
        }),
      ],
    };
  }
}
