import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class GenerateCodesDto {
  @IsInt()
  @Min(1)
  @Max(50_000_000)
  count!: number;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  pattern?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(64)
  length?: number;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  charset?: string;

  @IsOptional()
  @IsString()
  @MaxLength(32)
  prefix?: string;

  @IsOptional()
  @IsString()
  @MaxLength(32)
  suffix?: string;
}
