import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

export class CreateGroupDto {
  @ApiProperty({ description: '1-64 letters, digits, - or _', pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$', example: 'winback-2026' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, { message: 'groupId must be 1-64 letters, digits, - or _' })
  groupId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @ApiProperty({ maxLength: 200 })
  name!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @ApiProperty({ description: 'The coupon promotion these codes redeem', maxLength: 200 })
  promotionId!: string;
}
