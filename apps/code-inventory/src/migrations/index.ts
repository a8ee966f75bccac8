import { CreateMessagingTablesV21765000000000, CreateMessagingTables1764082800000 } from '@promo/persistence';
import { CreateCodeInventory1764086400000 } from './1764086400000-create-code-inventory.migration';
import { ShardGroupCounters1764090000000 } from './1764090000000-shard-group-counters.migration';
import { NotifyLookupChanges1764100000000 } from './1764100000000-notify-lookup-changes.migration';
import { IssueOrderIndex1764400000000 } from './1764400000000-issue-order-index.migration';
import { GenerationRunToken1765100000000 } from './1765100000000-generation-run-token.migration';
import { RegisterSharedCodes1796626853039 } from './1796626853039-register-shared-codes.migration';

/** Every migration of the code-inventory schema, in order. */
export const codeInventoryMigrations = [CreateMessagingTables1764082800000, CreateCodeInventory1764086400000, ShardGroupCounters1764090000000, NotifyLookupChanges1764100000000, IssueOrderIndex1764400000000, CreateMessagingTablesV21765000000000, GenerationRunToken1765100000000, RegisterSharedCodes1796626853039];
