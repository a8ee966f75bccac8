import { CreateMessagingTablesV21765000000000, CreateMessagingTables1764082800000 } from '@promo/persistence';
import { CreateCampaignTables1764300000000 } from './1764300000000-create-campaign-tables.migration';
import { ClaimEmails1796615282908 } from './1796615282908-claim-emails.migration';
import { ListPageIndexes1796628118555 } from './1796628118555-list-page-indexes.migration';
import { EmailRetryAfter1796629400000 } from './1796629400000-email-retry-after.migration';
import { ScheduleStatusQueued1796640000000 } from './1796640000000-schedule-status-queued.migration';

/** Every migration of the campaigns schema, in order. */
export const campaignsMigrations = [CreateMessagingTables1764082800000, CreateCampaignTables1764300000000, CreateMessagingTablesV21765000000000, ClaimEmails1796615282908, ListPageIndexes1796628118555, EmailRetryAfter1796629400000, ScheduleStatusQueued1796640000000];
