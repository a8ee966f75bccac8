import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { SEEN_KINDS, type SeenKind } from '../seen-values';

/** GET /v1/catalog/seen: which filter key, for options and custom fields which name, over how many recent carts. */
export class CatalogSeenQuery {
  @ApiPropertyOptional({ enum: SEEN_KINDS, default: 'category', description: 'The filter key whose values to list' })
  @IsOptional()
  @IsIn(SEEN_KINDS)
  kind?: SeenKind;

  @ApiPropertyOptional({ description: 'For option and customField: list the values of this name (absent: list the names)' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  name?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 10_000, default: 500, description: 'How many of the most recent priced carts to read' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  carts?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 200, description: 'The most values (or products) to return' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}
