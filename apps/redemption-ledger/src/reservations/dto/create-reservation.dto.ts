import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { PROMOTION_ID_PATTERN, PROMOTION_ID_RULE } from '@promo/contracts/http';

/** #23: what a use gives off the cart, the amount it takes from its promotion's budget (rule 19); Stripe's amount beside currency. */
export class ReservationDiscountDto {
  /** Minor units. */
  @IsInt()
  @Min(0)
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Minor units of currency' })
  amount!: number;

  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as USD' })
  @ApiProperty({ pattern: '^[A-Z]{3}$', example: 'USD' })
  currency!: string;
}

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
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200, description: 'The coupon code, for a code-limited promotion; no control characters' })
  code?: string | null;

  /** Items the promotion applies to; a per-cart promotion consumes one use whatever this says (L1). */
  @IsInt()
  @Min(1)
  @ApiProperty({ type: 'integer', minimum: 1 })
  units!: number;

  /** Required when the promotion has a budget: the reservation holds this much of it until the order commits it (#23). */
  @IsOptional()
  @ValidateNested()
  @Type(() => ReservationDiscountDto)
  @ApiPropertyOptional({ type: ReservationDiscountDto, nullable: true, description: 'The discount this use gives; required for a promotion with a budget' })
  discount?: ReservationDiscountDto | null;
}

export class CreateReservationDto {
  @IsString()
  @IsNotEmpty()
  @ApiProperty({ minLength: 1, description: 'Chosen by the caller: a retry with the same id answers the same reservation; the same id with another body is a 409' })
  reservationId!: string;

  @IsString()
  @IsNotEmpty()
  @ApiProperty({ minLength: 1 })
  cartId!: string;

  /** Absent or null for a guest: then `email` keys the per-customer limits (#23). */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @ApiPropertyOptional({ type: String, nullable: true, minLength: 1, description: 'The customer; leave out for a guest and send email' })
  customerId?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(320)
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 320,
    description: 'A guest’s e-mail: per-customer limits count under a SHA-256 of it, trimmed and lower-cased (the address is not stored)',
  })
  email?: string | null;

  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => ReservationUseDto)
  @ApiProperty({ type: [ReservationUseDto], minItems: 1 })
  uses!: ReservationUseDto[];
}
