import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiPropertiesFromValidators } from '@promo/platform';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

@ApiPropertiesFromValidators()
export class GenerateCodesDto {
  @ApiProperty({ description: 'How many codes to generate', example: 1000 })
  @IsInt()
  @Min(1)
  @Max(50_000_000)
  count!: number;

  @ApiPropertyOptional({ description: 'Pattern: # a digit, ? a letter, other characters kept (C3)', example: 'SUMMER-####-????' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  pattern?: string;

  @ApiPropertyOptional({ description: 'Random part length when no pattern is given' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(64)
  length?: number;

  @ApiPropertyOptional({ description: 'Characters the random part is drawn from' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  charset?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(32)
  prefix?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(32)
  suffix?: string;
}
