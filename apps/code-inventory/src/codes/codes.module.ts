import { Module } from '@nestjs/common';
import { IssuingModule } from '../issuing/issuing.module';
import { AddedCodesService } from './added-codes.service';
import { CodeChangeListener } from './code-change.listener';
import { CodeLookupRateGuard } from './code-lookup-rate.guard';
import { CodeLookupCache } from './code-lookup.cache';
import { CodeLookupService } from './code-lookup.service';
import { CodesController } from './codes.controller';
import { SharedCodesService } from './shared-codes.service';

@Module({ imports: [IssuingModule], controllers: [CodesController], providers: [AddedCodesService, CodeLookupCache, CodeLookupRateGuard, CodeChangeListener, CodeLookupService, SharedCodesService] })
export class CodesModule {}
