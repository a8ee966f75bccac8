import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiPropertiesFromValidators } from '@promo/platform';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

const CODE_ID = /^[1-9][0-9]{0,18}$/;

/** A page of a group's codes by id range: the range of a `code-inventory.codes-added` event. */
@ApiPropertiesFromValidators()
export class AddedCodesQuery {
  @Matches(CODE_ID, { message: 'fromId must be a code id (a positive integer)' })
  @ApiProperty({ description: 'The smallest code id to return: an event\'s firstCodeId, or the previous page\'s nextFromId', example: '1200001' })
  fromId!: string;

  @Matches(CODE_ID, { message: 'toId must be a code id (a positive integer)' })
  @ApiProperty({ description: 'The largest code id to return: the event\'s lastCodeId', example: '1300417' })
  toId!: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  @ApiPropertyOptional({ description: 'Codes per page', default: 1_000 })
  limit?: number;
}
