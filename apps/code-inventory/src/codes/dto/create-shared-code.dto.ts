import { IsBoolean, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class CreateSharedCodeDto {
  @IsString()
  @Matches(/^\s*[A-Za-z0-9][A-Za-z0-9_-]{0,63}\s*$/, { message: 'code must be 1-64 letters, digits, - or _' })
  code!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  promotionId!: string;

  @IsOptional()
  @IsBoolean()
  hidden?: boolean;
}
