import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

const CODE_ID = /^[1-9][0-9]{0,18}$/;

/** A page of a group's codes by id range: the range of a `code-inventory.codes-added` event. */
export class AddedCodesQuery {
  @Matches(CODE_ID, { message: 'fromId must be a code id (a positive integer)' })
  @ApiProperty({ description: 'The smallest code id to return: an event\'s firstCodeId, or the previous page\'s nextFromId', pattern: CODE_ID.source, example: '1200001' })
  fromId!: string;

  @Matches(CODE_ID, { message: 'toId must be a code id (a positive integer)' })
  @ApiProperty({ description: 'The largest code id to return: the event\'s lastCodeId', pattern: CODE_ID.source, example: '1300417' })
  toId!: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  @ApiPropertyOptional({ type: 'integer', description: 'Codes per page', minimum: 1, maximum: 10_000, default: 1_000 })
  limit?: number;
}
