import { type DynamicModule, Module } from '@nestjs/common';
import type { Clock } from '@promo/platform';
import { ServiceCoreModule } from '@promo/service-runtime';
import { CartUpdatedHandler } from './cart-updated/cart-updated.handler';
import { CodeChangedHandler } from './code-lookup/code-changed.handler';
import type { PricingConfig } from './config/env.schema';
import { PROMOTION_SCHEMAS } from './docs/admin-api.schemas';
import { CatalogController } from './catalog/catalog.controller';
import { CatalogService } from './catalog/catalog.service';
import { ImpactService } from './impact/impact.service';
import { pricingMigrations } from './migrations';
import { PricingCoreModule } from './pricing-core.module';
import { CartsController } from './pricing/carts.controller';
import { PriceBaselineController } from './pricing/price-baseline.controller';
import { DryRunService } from './pricing/dry-run.service';
import { IndexConsumerLifecycle } from './promotion-index/index-consumer.lifecycle';
import { PromotionChangedHandler } from './promotion-index/promotion-changed.handler';
import { PromotionIndexReadinessCheck } from './promotion-index/promotion-index.readiness';
import { PromotionsController } from './promotions/promotions.controller';
import { PromotionsService } from './promotions/promotions.service';
import { SharedCodeRegistryClient } from './promotions/shared-code-registry.client';
import { SettingsController } from './settings/settings.controller';
import { SettingsService } from './settings/settings.service';
import { RedemptionRecordedHandler } from './usage/redemption-recorded.handler';
import { RedemptionReversedHandler } from './usage/redemption-reversed.handler';

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
          handlers: [CartUpdatedHandler, RedemptionRecordedHandler, RedemptionReversedHandler],
          publishes: ['pricing.promotion-changed', 'pricing.cart-priced'],
          consumerGroup: config.PRICING_CONSUMER_GROUP,
          partitionsConsumedConcurrently: config.PRICING_CONSUMER_CONCURRENCY,
          readinessChecks: [PromotionIndexReadinessCheck],
          apiDocSchemas: PROMOTION_SCHEMAS,
          ...(clock ? { clock } : {}),
        }),
        PricingCoreModule,
      ],
      controllers: [PromotionsController, SettingsController, CartsController, CatalogController, ...(config.PRICING_BENCH_BASELINE === '1' ? [PriceBaselineController] : [])],
      providers: [
        PromotionsService,
        SharedCodeRegistryClient,
        SettingsService,
        DryRunService,
        ImpactService,
        CatalogService,
        CartUpdatedHandler,
        RedemptionRecordedHandler,
        RedemptionReversedHandler,
        PromotionChangedHandler,
        CodeChangedHandler,
        IndexConsumerLifecycle,
      ],
    };
  }
}
