import { ApiProperty } from '@nestjs/swagger';
import { ApiPropertiesFromValidators } from '@promo/platform';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, ValidateNested } from 'class-validator';
import { MAX_ISSUE_BATCH } from '@promo/contracts/http';
import { IssueCodeDto } from './issue-code.dto';

/** POST /v1/groups/{groupId}/issue-batch: several issues from one group, in one transaction, answered in this order. */
@ApiPropertiesFromValidators()
export class IssueBatchDto {
  @ApiProperty({ type: [IssueCodeDto], description: 'Each one as the single issue takes it; answered as if made one after the other, in this order' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ISSUE_BATCH)
  @ValidateNested({ each: true })
  @Type(() => IssueCodeDto)
  requests!: IssueCodeDto[];
}
