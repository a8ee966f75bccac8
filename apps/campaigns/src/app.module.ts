import { type DynamicModule, Module } from '@nestjs/common';
import type { Clock } from '@promo/platform';
import { ServiceCoreModule } from '@promo/service-runtime';
import { CampaignEntity } from './campaigns/campaign.entity';
import { CampaignsModule } from './campaigns.module';
import { CartSnapshotEntity } from './carts/cart-snapshot.entity';
import { CartUpdatedConsumer } from './carts/cart-updated.consumer';
import type { CampaignsConfig } from './config/env.schema';
import { PartitionProgressEntity } from './decisions/partition-progress.entity';
import { EmailEntity } from './email/email.entity';
import { campaignsMigrations } from './migrations';
import { OrderCancellationEntity } from './orders/order-cancellation.entity';
import { OrderCancelledConsumer } from './orders/order-cancelled.consumer';
import { OrderSeenEntity } from './orders/order-seen.entity';
import { OrderPlacedConsumer } from './orders/order-placed.consumer';
import { CustomerInactiveConsumer } from './retention/customer-inactive.consumer';
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
          handlers: [CartUpdatedConsumer, OrderPlacedConsumer, OrderCancelledConsumer, CustomerInactiveConsumer],
          publishes: ['campaigns.email-sent'],
          consumerGroup: config.KAFKA_GROUP_ID,
          ...(clock ? { clock } : {}),
        }),
        CampaignsModule,
      ],
    };
  }
}
