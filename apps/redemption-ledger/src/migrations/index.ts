import { CreateMessagingTablesV21765000000000, CreateMessagingTables1764082800000 } from '@promo/persistence';
import { CreateLedgerTables1764084000000 } from './1764084000000-create-ledger-tables.migration';

/** Every migration of the redemption-ledger schema, in order. */
export const redemptionLedgerMigrations = [CreateMessagingTables1764082800000, CreateLedgerTables1764084000000, CreateMessagingTablesV21765000000000];
