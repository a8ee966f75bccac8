import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiPropertiesFromValidators } from '@promo/platform';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

@ApiPropertiesFromValidators()
export class IssueCodeDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @ApiProperty()
  customerId!: string;

  @IsIn(['first', 'reissue'])
  @ApiProperty({ enum: ['first', 'reissue'], description: "first: a fresh code, the group's next available one; reissue: the code the customer was last issued from the group, if any" })
  mode!: 'first' | 'reissue';

  @IsOptional()
  @IsBoolean()
  @ApiPropertyOptional({ description: 'Only this customer may redeem the code' })
  bindToCustomer?: boolean;
}
