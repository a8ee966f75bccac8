import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsInt, IsNotEmpty, IsOptional, IsString, Min, ValidateNested } from 'class-validator';

export class ReservationUseDto {
  @IsString()
  @IsNotEmpty()
  @ApiProperty()
  promotionId!: string;

  @IsOptional()
  @IsString()
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
