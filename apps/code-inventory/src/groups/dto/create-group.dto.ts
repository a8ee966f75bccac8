import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { PROMOTION_ID_PATTERN, PROMOTION_ID_RULE } from '@promo/contracts/http';

export class CreateGroupDto {
  @ApiProperty({ description: '1-64 letters, digits, - or _', pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$', example: 'winback-2026' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, { message: 'groupId must be 1-64 letters, digits, - or _' })
  groupId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @ApiProperty({ minLength: 1, maxLength: 200 })
  name!: string;

  @IsString()
  @Matches(PROMOTION_ID_PATTERN, { message: `promotionId must be ${PROMOTION_ID_RULE}` })
  @ApiProperty({ description: `The coupon promotion these codes redeem: ${PROMOTION_ID_RULE}`, pattern: PROMOTION_ID_PATTERN.source, example: 'promo-welcome' })
  promotionId!: string;
}
