import { type DynamicModule, Module } from '@nestjs/common';
import type { Clock } from '@promo/platform';
import { ServiceCoreModule } from '@promo/service-runtime';
import type { CampaignsConfig } from './config/env.schema';
import { campaignsMigrations } from './migrations';

export const CAMPAIGNS_SERVICE = 'campaigns';
export const CAMPAIGNS_SCHEMA = 'campaigns';

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
          migrations: campaignsMigrations,
          ...(clock ? { clock } : {}),
        }),
      ],
    };
  }
}
