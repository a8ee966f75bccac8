import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

export class CreateGroupDto {
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, { message: 'groupId must be 1-64 letters, digits, - or _' })
  groupId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  promotionId!: string;
}
