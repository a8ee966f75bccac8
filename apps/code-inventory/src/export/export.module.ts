import { Module } from '@nestjs/common';
import { GroupsModule } from '../groups/groups.module';
import { ExportController } from './export.controller';
import { ExportService } from './export.service';

@Module({ imports: [GroupsModule], controllers: [ExportController], providers: [ExportService] })
export class ExportModule {}
