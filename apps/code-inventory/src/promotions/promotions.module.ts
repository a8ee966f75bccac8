import { Global, Module } from '@nestjs/common';
import { PromotionValidityService } from './promotion-validity.service';

/** Global: the Kafka handlers live in the messaging module and reach this service from there. */
@Global()
@Module({ providers: [PromotionValidityService], exports: [PromotionValidityService] })
export class PromotionsModule {}
