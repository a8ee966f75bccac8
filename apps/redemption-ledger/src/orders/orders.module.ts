import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module';
import { ReservationsModule } from '../reservations/reservations.module';
import { UsageModule } from '../usage/usage.module';
import { OrderCancelledHandler } from './order-cancelled.handler';
import { OrderPlacedHandler } from './order-placed.handler';
import { OrdersRepository } from './orders.repository';
import { OrdersService } from './orders.service';
import { PlacedOrdersBatch } from './placed-orders-batch.service';

/** order.placed and order.cancelled (L2): their handlers, which messaging finds here, and what they apply. */
@Module({
  imports: [UsageModule, LedgerModule, ReservationsModule],
  providers: [OrdersRepository, OrdersService, PlacedOrdersBatch, OrderPlacedHandler, OrderCancelledHandler],
})
export class OrdersModule {}
