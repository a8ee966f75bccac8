import { ApiPropertyOptional } from '@nestjs/swagger';
import { ApiPropertiesFromValidators } from '@promo/platform';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

@ApiPropertiesFromValidators()
export class PageQuery {
  /** The last customerId of the previous page. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @ApiPropertyOptional({ description: 'The last customerId of the previous page' })
  after?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  @ApiPropertyOptional({ default: 100 })
  limit?: number;

  /** Segment "customers with N or more codes" (C7): only customers issued at least this many codes (first issues) from the group. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @ApiPropertyOptional({ description: 'Only customers issued at least this many codes (first issues) from the group', minimum: 1, default: 1 })
  minCodes?: number;
}
