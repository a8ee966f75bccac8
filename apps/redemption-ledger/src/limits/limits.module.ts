import { Module } from '@nestjs/common';
import { UsageModule } from '../usage/usage.module';
import { PromotionChangedHandler } from './promotion-changed.handler';
import { PromotionChangesController } from './promotion-changes.controller';
import { PromotionLimitsService } from './promotion-limits.service';

/** Each promotion's limits (L1), from pricing.promotion-changed (its handler, which messaging finds here) or the HTTP route. */
@Module({ imports: [UsageModule], controllers: [PromotionChangesController], providers: [PromotionLimitsService, PromotionChangedHandler] })
export class LimitsModule {}
