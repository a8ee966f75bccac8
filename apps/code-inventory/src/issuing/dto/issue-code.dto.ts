import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class IssueCodeDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @ApiProperty({ maxLength: 200 })
  customerId!: string;

  @IsIn(['first', 'reissue'])
  @ApiProperty({ enum: ['first', 'reissue'], description: 'first: the code already issued to the customer, if any; reissue: a new one' })
  mode!: 'first' | 'reissue';

  @IsOptional()
  @IsBoolean()
  @ApiPropertyOptional({ description: 'Only this customer may redeem the code' })
  bindToCustomer?: boolean;
}
