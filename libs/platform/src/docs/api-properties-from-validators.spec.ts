import { ApiProperty, DECORATORS } from '@nestjs/swagger';
import { ArrayMaxSize, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ApiPropertiesFromValidators } from './api-properties-from-validators';

const documented = (dto: { prototype: object }, property: string): unknown => Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, dto.prototype, property);

@ApiPropertiesFromValidators()
class Order {
  @IsInt()
  @Min(1)
  @Max(50)
  @ApiProperty({ description: 'How many' })
  count!: number;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  @Matches(/^[a-z]+$/)
  note?: string;

  @IsIn(['first', 'reissue'])
  mode!: string;

  @ArrayMaxSize(3)
  @MaxLength(8, { each: true })
  @ApiProperty({ type: 'array', items: { type: 'string' } })
  tags!: string[];
}

describe('ApiPropertiesFromValidators', () => {
  it("writes each property's limits from its rules, keeping what @ApiProperty said besides", () => {
    expect(documented(Order, 'count')).toEqual({ type: 'integer', description: 'How many', minimum: 1, maximum: 50, isArray: false });
    expect(documented(Order, 'note')).toEqual({ type: String, required: false, minLength: 1, maxLength: 20, pattern: '^[a-z]+$' });
    expect(documented(Order, 'mode')).toEqual({ type: 'string', enum: ['first', 'reissue'] });
    expect(documented(Order, 'tags')).toEqual({ type: 'array', isArray: false, maxItems: 3, items: { type: 'string', maxLength: 8 } });
  });

  it('refuses rules on items of a property not declared as an array with its items', () => {
    expect(() => {
      @ApiPropertiesFromValidators()
      class Loose {
        @MaxLength(8, { each: true })
        tags!: string[];
      }
      return Loose;
    }).toThrow("Loose.tags: rules on its items need @ApiProperty({ type: 'array', items: { type: ... } })");
  });
});
