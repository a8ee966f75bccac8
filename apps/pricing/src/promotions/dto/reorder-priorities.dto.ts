import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsString, Length, Min, ValidateNested } from 'class-validator';

export class PriorityItemDto {
  @ApiProperty({ minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  id!: string;

  @ApiProperty()
  @IsInt()
  priority!: number;

  /** The version the merchant saw; a stale one fails the whole reorder with 409. */
  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

/** PUT /v1/promotion-priorities: every automatic promotion's new priority, applied in one transaction (P7). */
export class ReorderPrioritiesDto {
  @ApiProperty({ type: [PriorityItemDto], minItems: 1, maxItems: 10_000 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10_000)
  @ValidateNested({ each: true })
  @Type(() => PriorityItemDto)
  priorities!: PriorityItemDto[];
}
