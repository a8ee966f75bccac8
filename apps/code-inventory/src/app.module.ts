import { type DynamicModule, Module } from '@nestjs/common';
import type { Clock } from '@promo/platform';
import { ServiceCoreModule } from '@promo/service-runtime';
import type { CodeInventoryConfig } from './config/env.schema';
import { codeInventoryMigrations } from './migrations';

export const CODE_INVENTORY_SERVICE = 'code-inventory';
export const CODE_INVENTORY_SCHEMA = 'code_inventory';

@Module({})
export class AppModule {
  static forRoot(config: CodeInventoryConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forRoot({
          service: CODE_INVENTORY_SERVICE,
          schema: CODE_INVENTORY_SCHEMA,
          config,
          migrations: codeInventoryMigrations,
          ...(clock ? { clock } : {}),
        }),
      ],
    };
  }
}
