import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module';
import { ExpirySweeperService } from './expiry-sweeper.service';
import { UsageHoldsRepository } from './usage-holds.repository';
import { UsageRebuildService } from './usage-rebuild.service';
import { UsageScripts } from './usage-scripts';
import { UsageStateRepository } from './usage-state.repository';
import { UsageMetrics } from './usage.metrics';

const shared = [UsageMetrics, UsageScripts, UsageStateRepository, UsageHoldsRepository, UsageRebuildService];

/** The usage state in Redis (counters, holds, their scripts and rebuild) that reservations, orders and limits step; the sweeper of expired holds stays inside. */
@Module({ imports: [LedgerModule], providers: [...shared, ExpirySweeperService], exports: shared })
export class UsageModule {}
