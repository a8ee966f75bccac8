import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class GenerateCodesDto {
  @ApiProperty({ type: 'integer', description: 'How many codes to generate', minimum: 1, maximum: 50_000_000, example: 1000 })
  @IsInt()
  @Min(1)
  @Max(50_000_000)
  count!: number;

  @ApiPropertyOptional({ description: 'Pattern: # a digit, ? a letter, other characters kept (C3)', maxLength: 64, example: 'SUMMER-####-????' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  pattern?: string;

  @ApiPropertyOptional({ type: 'integer', description: 'Random part length when no pattern is given', minimum: 1, maximum: 64 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(64)
  length?: number;

  @ApiPropertyOptional({ description: 'Characters the random part is drawn from', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  charset?: string;

  @ApiPropertyOptional({ maxLength: 32 })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  prefix?: string;

  @ApiPropertyOptional({ maxLength: 32 })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  suffix?: string;
}
