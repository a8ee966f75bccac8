import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class IssueCodeDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @ApiProperty({ minLength: 1, maxLength: 200 })
  customerId!: string;

  @IsIn(['first', 'reissue'])
  @ApiProperty({ enum: ['first', 'reissue'], description: "first: a fresh code, the group's next available one; reissue: the code the customer was last issued from the group, if any" })
  mode!: 'first' | 'reissue';

  @IsOptional()
  @IsBoolean()
  @ApiPropertyOptional({ description: 'Only this customer may redeem the code' })
  bindToCustomer?: boolean;
}
