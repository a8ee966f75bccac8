import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PromotionBodyDoc } from '../../docs/request-bodies.doc';
import { IsArray, IsInt, IsOptional, Max, Min } from 'class-validator';

/** POST /v1/promotions/impact: draft promotions (validated by the engine in the service) and how many recent carts. */
export class ImpactRequestDto {
  @ApiProperty({ type: [PromotionBodyDoc], description: 'Draft promotions, validated by the engine' })
  @IsArray()
  promotions!: unknown[];

  @ApiPropertyOptional({ minimum: 1, maximum: 100_000, default: 100, description: 'How many of the most recent priced carts to run the drafts over' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  carts?: number;
}
