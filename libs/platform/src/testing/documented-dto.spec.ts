import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { undocumentedValidation } from './documented-dto';

class Described {
  @IsInt()
  @Min(1)
  @Max(10)
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 10 })
  count!: number;

  @IsOptional()
  @IsString({ each: true })
  @MaxLength(5, { each: true })
  @ApiPropertyOptional({ type: 'array', items: { type: 'string', maxLength: 5 } })
  tags?: string[];
}

class Undescribed {
  @IsInt()
  @Min(1)
  @ApiProperty({ minimum: 0 })
  count!: number;

  @IsOptional()
  @Matches(/^[a-z]+$/)
  @ApiProperty()
  name?: string;

  @IsString()
  note!: string;
}

describe('undocumentedValidation', () => {
  it('finds nothing where the description states every rule, items included', () => {
    expect(undocumentedValidation(Described)).toEqual([]);
  });

  it('names each rule the description leaves out or states otherwise', () => {
    expect([...undocumentedValidation(Undescribed)].sort()).toEqual([
      'Undescribed.count: isInt needs type "integer"',
      'Undescribed.count: min needs minimum 1',
      'Undescribed.name: matches needs pattern "^[a-z]+$"',
      'Undescribed.name: required false is not documented',
      'Undescribed.note is validated but not documented',
    ]);
  });
});
