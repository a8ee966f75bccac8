import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

/** GET /v1/promotions filters: kind, status at the Clock's now, channel, currency, text, and a page. */
export class ListPromotionsQuery {
  @IsOptional() @IsIn(['automatic', 'coupon']) kind?: 'automatic' | 'coupon';
  @IsOptional() @IsIn(['active', 'scheduled', 'expired', 'disabled']) status?: 'active' | 'scheduled' | 'expired' | 'disabled';
  @IsOptional() @IsString() @Length(1, 100) channel?: string;
  @IsOptional() @IsString() @Length(3, 3) currency?: string;
  @IsOptional() @IsString() @Length(1, 200) q?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
}
