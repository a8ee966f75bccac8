import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { PROMOTION_ID_PATTERN, PROMOTION_ID_RULE } from '@promo/contracts/http';

export class ReservationUseDto {
  // The id names Redis keys (`usage:{<id>}:...`): a `}` or `:` could alias another promotion's (#19).
  @IsString()
  @Matches(PROMOTION_ID_PATTERN, { message: `promotionId must be ${PROMOTION_ID_RULE}` })
  @ApiProperty({ pattern: PROMOTION_ID_PATTERN.source })
  promotionId!: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(/^\P{Cc}*$/u, { message: 'code must not contain control characters' })
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The coupon code, for a code-limited promotion' })
  code?: string | null;

  /** Items the promotion applies to; a per-cart promotion consumes one use whatever this says (L1). */
  @IsInt()
  @Min(1)
  @ApiProperty({ minimum: 1 })
  units!: number;
}

export class CreateReservationDto {
  @IsString()
  @IsNotEmpty()
  @ApiProperty({ description: 'Chosen by the caller: a retry with the same id answers the same reservation' })
  reservationId!: string;

  @IsString()
  @IsNotEmpty()
  @ApiProperty()
  cartId!: string;

  @IsString()
  @IsNotEmpty()
  @ApiProperty()
  customerId!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => ReservationUseDto)
  @ApiProperty({ type: [ReservationUseDto], minItems: 1 })
  uses!: ReservationUseDto[];
}
