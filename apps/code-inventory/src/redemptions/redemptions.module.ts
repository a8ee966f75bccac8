import { Module } from '@nestjs/common';
import { RedemptionRecordedHandler } from './redemption-recorded.handler';
import { RedemptionReversedHandler } from './redemption-reversed.handler';
import { RedemptionsService } from './redemptions.service';

/** redemption.recorded and redemption.reversed: their handlers, which messaging finds here, and what they apply. */
@Module({ providers: [RedemptionsService, RedemptionRecordedHandler, RedemptionReversedHandler] })
export class RedemptionsModule {}
