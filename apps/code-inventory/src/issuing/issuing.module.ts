import { Module } from '@nestjs/common';
import { GroupsModule } from '../groups/groups.module';
import { codeTokenSignerProvider } from './code-token.provider';
import { IssuanceHistoryService } from './issuance-history.service';
import { IssuingController } from './issuing.controller';
import { IssuingService } from './issuing.service';

@Module({
  imports: [GroupsModule],
  controllers: [IssuingController],
  providers: [IssuingService, IssuanceHistoryService, codeTokenSignerProvider],
  exports: [codeTokenSignerProvider],
})
export class IssuingModule {}
