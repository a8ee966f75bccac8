import { ApiProperty } from '@nestjs/swagger';
import { ApiPropertiesFromValidators } from '@promo/platform';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { PROMOTION_ID_PATTERN, PROMOTION_ID_RULE } from '@promo/contracts/http';

@ApiPropertiesFromValidators()
export class CreateGroupDto {
  @ApiProperty({ description: '1-64 letters, digits, - or _', example: 'winback-2026' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, { message: 'groupId must be 1-64 letters, digits, - or _' })
  groupId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @ApiProperty()
  name!: string;

  @IsString()
  @Matches(PROMOTION_ID_PATTERN, { message: `promotionId must be ${PROMOTION_ID_RULE}` })
  @ApiProperty({ description: `The coupon promotion these codes redeem: ${PROMOTION_ID_RULE}`, example: 'promo-welcome' })
  promotionId!: string;
}
