import { Global, Module } from '@nestjs/common';
import { RedemptionsService } from './redemptions.service';

/** Global: the Kafka handlers live in the messaging module and reach this service from there. */
@Global()
@Module({ providers: [RedemptionsService], exports: [RedemptionsService] })
export class RedemptionsModule {}
