import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsInt, IsNotEmpty, IsOptional, IsString, Min, ValidateNested } from 'class-validator';

export class ReservationUseDto {
  @IsString()
  @IsNotEmpty()
  promotionId!: string;

  @IsOptional()
  @IsString()
  code?: string | null;

  /** Items the promotion applies to; a per-cart promotion consumes one use whatever this says (L1). */
  @IsInt()
  @Min(1)
  units!: number;
}

export class CreateReservationDto {
  @IsString()
  @IsNotEmpty()
  reservationId!: string;

  @IsString()
  @IsNotEmpty()
  cartId!: string;

  @IsString()
  @IsNotEmpty()
  customerId!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => ReservationUseDto)
  uses!: ReservationUseDto[];
}
