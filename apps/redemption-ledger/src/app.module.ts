import { type DynamicModule, Module } from '@nestjs/common';
import type { Clock } from '@promo/platform';
import { ServiceCoreModule } from '@promo/service-runtime';
import type { RedemptionLedgerConfig } from './config/env.schema';
import { LedgerModule } from './ledger/ledger.module';
import { LimitsModule } from './limits/limits.module';
import { PromotionChangedHandler } from './limits/promotion-changed.handler';
import { redemptionLedgerMigrations } from './migrations';
import { OrderCancelledHandler } from './orders/order-cancelled.handler';
import { OrderPlacedHandler } from './orders/order-placed.handler';
import { OrdersModule } from './orders/orders.module';
import { ReservationsModule } from './reservations/reservations.module';
import { StatisticsModule } from './statistics/statistics.module';
import { UsageModule } from './usage/usage.module';

export const REDEMPTION_LEDGER_SERVICE = 'redemption-ledger';
export const REDEMPTION_LEDGER_SCHEMA = 'redemption_ledger';

/** The service core and the feature modules; each handler is a provider of its feature's module, where messaging finds it. */
@Module({})
export class AppModule {
  static forRoot(config: RedemptionLedgerConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
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
        UsageModule,
        LedgerModule,
        ReservationsModule,
        OrdersModule,
        LimitsModule,
        StatisticsModule,
      ],
    };
  }
}
