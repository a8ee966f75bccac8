import { Module } from '@nestjs/common';
import { PromotionChangedHandler } from './promotion-changed.handler';
import { PromotionValidityService } from './promotion-validity.service';
import { SharedCodeRegistry } from './shared-code-registry.service';
import { SharedCodesController } from './shared-codes.controller';

/** Promotion validity (from pricing.promotion-changed, whose handler messaging finds here) and the shared-code registry. */
@Module({ controllers: [SharedCodesController], providers: [PromotionValidityService, SharedCodeRegistry, PromotionChangedHandler] })
export class PromotionsModule {}
