import { Module } from '@nestjs/common';
import { LedgerController } from './ledger.controller';
import { LedgerRepository } from './ledger.repository';
import { LedgerService } from './ledger.service';

/** The ledger's entries: read by GET /v1/ledger, written by reservations, orders and the expiry sweeper through the repository. */
@Module({ controllers: [LedgerController], providers: [LedgerRepository, LedgerService], exports: [LedgerRepository] })
export class LedgerModule {}
