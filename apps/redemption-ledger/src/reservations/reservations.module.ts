import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module';
import { UsageModule } from '../usage/usage.module';
import { ReservationReleaseService } from './reservation-release.service';
import { ReservationsController } from './reservations.controller';
import { ReservationsRepository } from './reservations.repository';
import { ReservationsService } from './reservations.service';

/** Reservations (L2) and their release; orders read the reservations an order.placed commits. */
@Module({
  imports: [UsageModule, LedgerModule],
  controllers: [ReservationsController],
  providers: [ReservationsRepository, ReservationsService, ReservationReleaseService],
  exports: [ReservationsRepository],
})
export class ReservationsModule {}
