import { ApiProperty } from '@nestjs/swagger';
import { ApiPropertiesFromValidators } from '@promo/platform';
import { ArrayMaxSize, IsArray, IsInt, IsString, Matches, MaxLength, Min } from 'class-validator';

/** A coupon promotion's shared codes as pricing is about to save them (#19.4, C1, C2). */
@ApiPropertiesFromValidators()
export class RegisterSharedCodesDto {
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  @Matches(/\S/, { each: true, message: 'each code must not be blank' })
  @ApiProperty({ type: 'array', items: { type: 'string' }, description: 'The shared codes (matched trimmed and case-folded, C2)', example: ['WELCOME20'] })
  codes!: string[];

  @IsInt()
  @Min(1)
  @ApiProperty({ description: 'The promotion version pricing is saving; an older pricing.promotion-changed never releases what it registers', example: 3 })
  version!: number;
}
