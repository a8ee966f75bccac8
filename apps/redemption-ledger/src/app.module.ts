import { type DynamicModule, Module } from '@nestjs/common';
import type { Clock } from '@promo/platform';
import { ServiceCoreModule } from '@promo/service-runtime';
import type { RedemptionLedgerConfig } from './config/env.schema';
import { redemptionLedgerMigrations } from './migrations';

export const REDEMPTION_LEDGER_SERVICE = 'redemption-ledger';
export const REDEMPTION_LEDGER_SCHEMA = 'redemption_ledger';

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
          ...(clock ? { clock } : {}),
        }),
      ],
    };
  }
}
