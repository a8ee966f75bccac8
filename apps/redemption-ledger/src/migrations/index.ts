import { CreateMessagingTables1764082800000 } from './1764082800000-create-messaging-tables.migration';

/** Every migration of the redemption-ledger schema, in order. */
export const redemptionLedgerMigrations = [CreateMessagingTables1764082800000];
