import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PROMOTION_BODY_REF } from '../../docs/admin-api.schemas';
import { IsArray, IsInt, IsOptional, Max, Min } from 'class-validator';

/** POST /v1/promotions/impact: draft promotions (validated by the engine in the service) and how many recent carts. */
export class ImpactRequestDto {
  @ApiProperty({ type: 'array', items: PROMOTION_BODY_REF, description: 'Draft promotions, validated as POST /v1/promotions validates them' })
  @IsArray()
  promotions!: unknown[];

  @ApiPropertyOptional({ minimum: 1, maximum: 100_000, default: 100, description: 'How many of the most recent priced carts to run the drafts over' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  carts?: number;
}
