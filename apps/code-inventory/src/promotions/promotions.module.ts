import { Global, Module } from '@nestjs/common';
import { PromotionValidityService } from './promotion-validity.service';
import { SharedCodeRegistry } from './shared-code-registry.service';
import { SharedCodesController } from './shared-codes.controller';

/** Global: the Kafka handlers live in the messaging module and reach this service from there. */
@Global()
@Module({ controllers: [SharedCodesController], providers: [PromotionValidityService, SharedCodeRegistry], exports: [PromotionValidityService] })
export class PromotionsModule {}
