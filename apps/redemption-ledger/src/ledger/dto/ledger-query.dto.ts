import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, Min } from 'class-validator';

export class LedgerQueryDto {
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @ApiPropertyOptional()
  promotionId?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @ApiPropertyOptional()
  code?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @ApiPropertyOptional()
  orderId?: string;

  /** The `nextCursor` of the previous page: entries after that sequence. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  // 1e+308 is an integer to JavaScript but overflows Postgres bigint (found by the fuzzer, #11).
  @Max(Number.MAX_SAFE_INTEGER)
  @ApiPropertyOptional({ description: 'The nextCursor of the previous page', minimum: 0 })
  cursor?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  @ApiPropertyOptional({ minimum: 1, maximum: 1000 })
  limit?: number;
}
