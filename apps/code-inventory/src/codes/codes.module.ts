import { Module } from '@nestjs/common';
import { IssuingModule } from '../issuing/issuing.module';
import { CodeLookupService } from './code-lookup.service';
import { CodesController } from './codes.controller';
import { SharedCodesService } from './shared-codes.service';

@Module({ imports: [IssuingModule], controllers: [CodesController], providers: [CodeLookupService, SharedCodesService] })
export class CodesModule {}
