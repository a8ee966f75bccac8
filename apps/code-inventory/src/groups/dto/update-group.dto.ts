import { ApiPropertyOptional } from '@nestjs/swagger';
import { ApiPropertiesFromValidators } from '@promo/platform';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

@ApiPropertiesFromValidators()
export class UpdateGroupDto {
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @ApiPropertyOptional()
  name?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @ApiPropertyOptional()
  promotionId?: string;
}
