import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

/** GET /v1/promotions filters: kind, status at the Clock's now, channel, currency, text, and a page. */
export class ListPromotionsQuery {
  @ApiPropertyOptional({ enum: ['automatic', 'coupon'] })
  @IsOptional() @IsIn(['automatic', 'coupon']) kind?: 'automatic' | 'coupon';

  @ApiPropertyOptional({ enum: ['active', 'scheduled', 'expired', 'disabled'], description: 'The status now' })
  @IsOptional() @IsIn(['active', 'scheduled', 'expired', 'disabled']) status?: 'active' | 'scheduled' | 'expired' | 'disabled';

  @ApiPropertyOptional({ minLength: 1, maxLength: 100, description: 'Promotions targeting this channel, or every channel' })
  @IsOptional() @IsString() @Length(1, 100) channel?: string;

  @ApiPropertyOptional({ minLength: 3, maxLength: 3, description: 'Promotions in this currency, in any, or naming none', example: 'USD' })
  @IsOptional() @IsString() @Length(3, 3) currency?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 200, description: 'Text in the id, the name or a shared code' })
  @IsOptional() @IsString() @Length(1, 200) q?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, default: 0 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
}
