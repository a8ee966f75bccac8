import { Global, Module } from '@nestjs/common';
import { codeInventoryClientProvider } from './code-lookup/code-inventory-client.provider';
import { CodeResolver } from './code-lookup/code-resolver.service';
import { RecentCartsStore } from './impact/recent-carts.store';
import { CartPricingService } from './pricing/cart-pricing.service';
import { PromotionIndexHolder } from './promotion-index/promotion-index.holder';
import { PromotionIndexLoader } from './promotion-index/promotion-index.loader';
import { PromotionIndexReadinessCheck } from './promotion-index/promotion-index.readiness';
import { PromotionIndexRefresher } from './promotion-index/promotion-index.refresher';
import { PromotionsRepository } from './promotions/promotions.repository';
import { SettingsRepository } from './settings/settings.repository';
import { PromotionUsesHolder } from './usage/promotion-uses.holder';
import { UsageRepository } from './usage/usage.repository';

const shared = [
  PromotionIndexHolder,
  PromotionIndexLoader,
  PromotionIndexRefresher,
  PromotionIndexReadinessCheck,
  PromotionsRepository,
  SettingsRepository,
  UsageRepository,
  PromotionUsesHolder,
  codeInventoryClientProvider,
  CodeResolver,
  RecentCartsStore,
  CartPricingService,
];

/**
 * What the HTTP side, the event handlers (providers of AppModule, found there by messaging) and the readiness
 * check share, above all the one index holder. Still global: HealthModule (in the service core) injects
 * PromotionIndexReadinessCheck, and the settings, promotions and promotion-index folders, like pricing and
 * impact, depend on each other, so they cannot yet be modules of their own (#22 §3).
 */
@Global()
@Module({ providers: shared, exports: shared })
export class PricingCoreModule {}
