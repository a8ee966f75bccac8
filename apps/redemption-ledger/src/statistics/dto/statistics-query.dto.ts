import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

/** Pages `usesPerDay`: days after `cursor` (YYYY-MM-DD, UTC). */
export class StatisticsQueryDto {
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'cursor must be a day YYYY-MM-DD' })
  @ApiPropertyOptional({ description: 'The last day of the previous page (YYYY-MM-DD, UTC)', pattern: '^\\d{4}-\\d{2}-\\d{2}$' })
  cursor?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(366)
  @ApiPropertyOptional({ minimum: 1, maximum: 366 })
  limit?: number;
}
