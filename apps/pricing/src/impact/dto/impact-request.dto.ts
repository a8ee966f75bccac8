import { IsArray, IsInt, IsOptional, Max, Min } from 'class-validator';

/** POST /v1/promotions/impact: draft promotions (validated by the engine in the service) and how many recent carts. */
export class ImpactRequestDto {
  @IsArray() promotions!: unknown[];
  @IsOptional() @IsInt() @Min(1) @Max(100_000) carts?: number;
}
