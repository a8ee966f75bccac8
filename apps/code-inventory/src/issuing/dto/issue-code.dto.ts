import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class IssueCodeDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  customerId!: string;

  @IsIn(['first', 'reissue'])
  mode!: 'first' | 'reissue';

  @IsOptional()
  @IsBoolean()
  bindToCustomer?: boolean;
}
