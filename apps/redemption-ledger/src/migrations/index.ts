import { CreateMessagingTablesV21765000000000, CreateMessagingTables1764082800000 } from '@promo/persistence';
import { CreateLedgerTables1764084000000 } from './1764084000000-create-ledger-tables.migration';
import { AddPromotionSharedCodes1796626642658 } from './1796626642658-add-promotion-shared-codes.migration';
import { AddPromotionBudgets1796661584440 } from './1796661584440-add-promotion-budgets.migration';

/** Every migration of the redemption-ledger schema, in order. */
export const redemptionLedgerMigrations = [CreateMessagingTables1764082800000, CreateLedgerTables1764084000000, CreateMessagingTablesV21765000000000, AddPromotionSharedCodes1796626642658, AddPromotionBudgets1796661584440];
