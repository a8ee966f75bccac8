import { type DynamicModule, Module } from '@nestjs/common';
import type { Clock } from '@promo/platform';
import { ServiceCoreModule } from '@promo/service-runtime';
import { CodesModule } from './codes/codes.module';
import type { CodeInventoryConfig } from './config/env.schema';
import { DatabaseModule } from './database/database.module';
import { GroupsModule } from './groups/groups.module';
import { IssuingModule } from './issuing/issuing.module';
import { codeInventoryMigrations } from './migrations';
import { UploadModule } from './upload/upload.module';

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
          publishes: ['code-inventory.code-changed', 'code-inventory.code-issued'],
          ...(clock ? { clock } : {}),
        }),
        DatabaseModule,
        GroupsModule,
        IssuingModule,
        CodesModule,
        UploadModule,
      ],
    };
  }
}
