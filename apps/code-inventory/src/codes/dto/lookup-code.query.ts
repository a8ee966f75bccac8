import { IsOptional, IsString, MaxLength } from 'class-validator';

export class LookupCodeQuery {
  @IsOptional()
  @IsString()
  @MaxLength(200)
  customerId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  token?: string;
}
