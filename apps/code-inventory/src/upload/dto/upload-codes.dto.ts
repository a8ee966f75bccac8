import { ApiProperty } from '@nestjs/swagger';
import { ApiPropertiesFromValidators } from '@promo/platform';
import { ArrayMaxSize, IsArray, IsString } from 'class-validator';

/** A pasted list: one code per element (C4); larger files go through the CSV or streaming endpoint. */
@ApiPropertiesFromValidators()
export class UploadCodesDto {
  @IsArray()
  @ArrayMaxSize(100_000)
  @IsString({ each: true })
  @ApiProperty({ type: [String], description: 'One code per element' })
  codes!: string[];
}
