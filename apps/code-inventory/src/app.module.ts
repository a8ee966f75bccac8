import { type DynamicModule, Module } from '@nestjs/common';
import type { Clock } from '@promo/platform';
import { ServiceCoreModule } from '@promo/service-runtime';
import { CodesModule } from './codes/codes.module';
import type { CodeInventoryConfig } from './config/env.schema';
import { DatabaseModule } from './database/database.module';
import { ExportModule } from './export/export.module';
import { GenerationModule } from './generation/generation.module';
import { GroupsModule } from './groups/groups.module';
import { IssuingModule } from './issuing/issuing.module';
import { codeInventoryMigrations } from './migrations';
import { PromotionChangedHandler } from './promotions/promotion-changed.handler';
import { PromotionsModule } from './promotions/promotions.module';
import { RedemptionRecordedHandler } from './redemptions/redemption-recorded.handler';
import { RedemptionReversedHandler } from './redemptions/redemption-reversed.handler';
import { RedemptionsModule } from './redemptions/redemptions.module';
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
          consumerGroup: config.KAFKA_GROUP_ID || `${config.KAFKA_TOPIC_PREFIX}${CODE_INVENTORY_SERVICE}`,
          handlers: [PromotionChangedHandler, RedemptionRecordedHandler, RedemptionReversedHandler],
          publishes: ['code-inventory.code-changed', 'code-inventory.code-issued', 'code-inventory.codes-added'],
          ...(clock ? { clock } : {}),
        }),
        DatabaseModule,
        PromotionsModule,
        RedemptionsModule,
        GroupsModule,
        IssuingModule,
        CodesModule,
        UploadModule,
        GenerationModule,
        ExportModule,
      ],
    };
  }
}
