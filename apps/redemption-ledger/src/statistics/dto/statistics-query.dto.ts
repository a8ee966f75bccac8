import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsTimeZone, Matches, Max, Min } from 'class-validator';

/** Pages `usesPerDay`: days after `cursor` (YYYY-MM-DD), counted in `timeZone` (UTC unless given). */
export class StatisticsQueryDto {
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'cursor must be a day YYYY-MM-DD' })
  @ApiPropertyOptional({ description: 'The last day of the previous page (YYYY-MM-DD, in timeZone)', pattern: '^\\d{4}-\\d{2}-\\d{2}$' })
  cursor?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(366)
  @ApiPropertyOptional({ minimum: 1, maximum: 366 })
  limit?: number;

  /** The zone whose calendar days `usesPerDay` counts in: the store's, so a day is the merchant's day. */
  @IsOptional()
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as Europe/Berlin' })
  @ApiPropertyOptional({ description: 'The IANA zone whose calendar days usesPerDay counts in (the store zone)', default: 'UTC', example: 'Europe/Berlin' })
  timeZone?: string;
}
