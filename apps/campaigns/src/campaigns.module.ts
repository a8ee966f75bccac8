import { WatermarkController } from './decisions/watermark.controller';
import { Module } from '@nestjs/common';
import { CampaignsController } from './campaigns/campaigns.controller';
import { CampaignsService } from './campaigns/campaigns.service';
import { CartUpdatedHandler } from './carts/cart-updated.handler';
import { CartSnapshotsService } from './carts/cart-snapshots.service';
import { DecisionService } from './decisions/decision.service';
import { WatermarkService } from './decisions/watermark.service';
import { codeInventoryClientProvider } from './email/code-inventory-client.provider';
import { EmailContentService } from './email/email-content.service';
import { EmailPreviewService } from './email/email-preview.service';
import { EmailRenderer } from './email/email.renderer';
import { LiquidRenderer } from './email/liquid.renderer';
import { MjmlCompiler } from './email/mjml.compiler';
import { EmailClaims } from './email/email-claims';
import { EmailDispatcher } from './email/email.dispatcher';
import { PageCodeIssuer } from './email/page-code.issuer';
import { EmailsController } from './email/emails.controller';
import { EmailsService } from './email/emails.service';
import { SmtpSender } from './email/smtp.sender';
import { EventTimeService } from './events/event-time.service';
import { OrderCancelledHandler } from './orders/order-cancelled.handler';
import { OrderPlacedHandler } from './orders/order-placed.handler';
import { OrdersService } from './orders/orders.service';
import { CustomerInactiveHandler } from './retention/customer-inactive.handler';
import { RetentionService } from './retention/retention.service';
import { AbandonedCartProcessor } from './scheduling/abandoned-cart.processor';
import { abandonedCartQueueMetrics } from './scheduling/abandoned-cart-queue.metrics';
import { AbandonedCartQueue } from './scheduling/abandoned-cart.queue';
import { AbandonedCartScheduler } from './scheduling/abandoned-cart.scheduler';
import { StatisticsController } from './statistics/statistics.controller';
import { StatisticsService } from './statistics/statistics.service';
import { SuppressionsController } from './suppression/suppressions.controller';
import { SuppressionsService } from './suppression/suppressions.service';

const services = [
  CampaignsService,
  CartSnapshotsService,
  OrdersService,
  RetentionService,
  EventTimeService,
  WatermarkService,
  DecisionService,
  AbandonedCartQueue,
  AbandonedCartScheduler,
  AbandonedCartProcessor,
  codeInventoryClientProvider,
  EmailContentService,
  LiquidRenderer,
  MjmlCompiler,
  EmailRenderer,
  EmailPreviewService,
  EmailClaims,
  PageCodeIssuer,
  SmtpSender,
  EmailDispatcher,
  EmailsService,
  SuppressionsService,
  StatisticsService,
];

/** The campaigns feature, with its event handlers (messaging finds them here). */
@Module({
  controllers: [CampaignsController, EmailsController, SuppressionsController, StatisticsController, WatermarkController],
  providers: [...services, abandonedCartQueueMetrics, CartUpdatedHandler, OrderPlacedHandler, OrderCancelledHandler, CustomerInactiveHandler],
})
export class CampaignsModule {}
