import { type DynamicModule, Module } from '@nestjs/common';
import type { Clock } from '@promo/platform';
import { ServiceCoreModule } from '@promo/service-runtime';
import type { RedemptionLedgerConfig } from './config/env.schema';
import { LedgerController } from './ledger/ledger.controller';
import { LedgerRepository } from './ledger/ledger.repository';
import { LedgerService } from './ledger/ledger.service';
import { PromotionChangedHandler } from './limits/promotion-changed.handler';
import { PromotionChangesController } from './limits/promotion-changes.controller';
import { PromotionLimitsService } from './limits/promotion-limits.service';
import { redemptionLedgerMigrations } from './migrations';
import { OrderCancelledHandler } from './orders/order-cancelled.handler';
import { OrderPlacedHandler } from './orders/order-placed.handler';
import { OrdersRepository } from './orders/orders.repository';
import { OrdersService } from './orders/orders.service';
import { PlacedOrdersBatch } from './orders/placed-orders-batch.service';
import { ReservationReleaseService } from './reservations/reservation-release.service';
import { ReservationsController } from './reservations/reservations.controller';
import { ReservationsRepository } from './reservations/reservations.repository';
import { ReservationsService } from './reservations/reservations.service';
import { StatisticsController } from './statistics/statistics.controller';
import { StatisticsService } from './statistics/statistics.service';
import { ExpirySweeperService } from './usage/expiry-sweeper.service';
import { UsageHoldsRepository } from './usage/usage-holds.repository';
import { UsageRebuildService } from './usage/usage-rebuild.service';
import { UsageScripts } from './usage/usage-scripts';
import { UsageStateRepository } from './usage/usage-state.repository';
import { UsageMetrics } from './usage/usage.metrics';

export const REDEMPTION_LEDGER_SERVICE = 'redemption-ledger';
export const REDEMPTION_LEDGER_SCHEMA = 'redemption_ledger';

/** The services the consumers (registered in the messaging module) and controllers share; global so handlers resolve them. */
const LEDGER_PROVIDERS = [
  UsageMetrics,
  UsageScripts,
  UsageStateRepository,
  UsageHoldsRepository,
  UsageRebuildService,
  ExpirySweeperService,
  LedgerRepository,
  LedgerService,
  PromotionLimitsService,
  ReservationsRepository,
  ReservationsService,
  ReservationReleaseService,
  OrdersRepository,
  OrdersService,
  PlacedOrdersBatch,
  StatisticsService,
];

@Module({})
export class AppModule {
  static forRoot(config: RedemptionLedgerConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        ServiceCoreModule.forRoot({
          service: REDEMPTION_LEDGER_SERVICE,
          schema: REDEMPTION_LEDGER_SCHEMA,
          config,
          migrations: redemptionLedgerMigrations,
          handlers: [PromotionChangedHandler, OrderPlacedHandler, OrderCancelledHandler],
          publishes: ['redemption.recorded', 'redemption.rejected', 'redemption.reversed'],
          ...(config.KAFKA_GROUP_ID ? { consumerGroup: config.KAFKA_GROUP_ID } : {}),
          ...(clock ? { clock } : {}),
        }),
      ],
      controllers: [PromotionChangesController, ReservationsController, LedgerController, StatisticsController],
      providers: LEDGER_PROVIDERS,
      exports: LEDGER_PROVIDERS,
    };
  }
}
