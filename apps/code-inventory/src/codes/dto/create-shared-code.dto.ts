import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiPropertiesFromValidators } from '@promo/platform';
import { IsBoolean, IsOptional, IsString, Matches } from 'class-validator';
import { PROMOTION_ID_PATTERN, PROMOTION_ID_RULE } from '@promo/contracts/http';

/** Surrounding spaces are allowed and trimmed. */
const SHARED_CODE = /^\s*[A-Za-z0-9][A-Za-z0-9_-]{0,63}\s*$/;

@ApiPropertiesFromValidators()
export class CreateSharedCodeDto {
  @IsString()
  @Matches(SHARED_CODE, { message: 'code must be 1-64 letters, digits, - or _' })
  @ApiProperty({ description: 'The shared code, 1-64 letters, digits, - or _, around which spaces are trimmed (stored trimmed, unique case-folded across the store)', example: 'WELCOME20' })
  code!: string;

  @IsString()
  @Matches(PROMOTION_ID_PATTERN, { message: `promotionId must be ${PROMOTION_ID_RULE}` })
  @ApiProperty({ description: `The coupon promotion the code belongs to: ${PROMOTION_ID_RULE}`, example: 'promo-welcome' })
  promotionId!: string;

  @IsOptional()
  @IsBoolean()
  @ApiPropertyOptional({ description: 'A hidden code is never listed publicly (C8)', default: false })
  hidden?: boolean;
}
