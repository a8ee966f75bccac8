import { type DynamicModule, Module } from '@nestjs/common';
import type { Clock } from '@promo/platform';
import { ServiceCoreModule } from '@promo/service-runtime';
import { CampaignEntity } from './campaigns/campaign.entity';
import { CampaignsModule } from './campaigns.module';
import { CartSnapshotEntity } from './carts/cart-snapshot.entity';
import { CartUpdatedHandler } from './carts/cart-updated.handler';
import type { CampaignsConfig } from './config/env.schema';
import { PartitionProgressEntity } from './decisions/partition-progress.entity';
import { EmailEntity } from './email/email.entity';
import { campaignsMigrations } from './migrations';
import { OrderCancellationEntity } from './orders/order-cancellation.entity';
import { OrderCancelledHandler } from './orders/order-cancelled.handler';
import { OrderSeenEntity } from './orders/order-seen.entity';
import { OrderPlacedHandler } from './orders/order-placed.handler';
import { CustomerInactiveHandler } from './retention/customer-inactive.handler';
import { EmailScheduleEntity } from './scheduling/email-schedule.entity';
import { SuppressionEntity } from './suppression/suppression.entity';

export const CAMPAIGNS_SERVICE = 'campaigns';
export const CAMPAIGNS_SCHEMA = 'campaigns';

export const campaignsEntities = [
  CampaignEntity,
  CartSnapshotEntity,
  OrderSeenEntity,
  OrderCancellationEntity,
  EmailScheduleEntity,
  EmailEntity,
  SuppressionEntity,
  PartitionProgressEntity,
];

@Module({})
export class AppModule {
  static forRoot(config: CampaignsConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forRoot({
          service: CAMPAIGNS_SERVICE,
          schema: CAMPAIGNS_SCHEMA,
          config,
          entities: campaignsEntities,
          migrations: campaignsMigrations,
          handlers: [CartUpdatedHandler, OrderPlacedHandler, OrderCancelledHandler, CustomerInactiveHandler],
          publishes: ['campaigns.email-sent'],
          consumerGroup: config.KAFKA_GROUP_ID,
          ...(clock ? { clock } : {}),
        }),
        CampaignsModule,
      ],
    };
  }
}
