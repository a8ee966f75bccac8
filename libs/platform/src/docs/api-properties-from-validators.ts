import { ApiProperty, DECORATORS } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';

/** One rule as class-validator stores it. */
type ValidationMetadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];

/** OpenAPI schema keywords, as @ApiProperty takes them. */
export type SchemaLimits = Record<string, unknown>;

/** What one class-validator rule says in OpenAPI terms; {} for rules the property's type already says (isString, nested). */
export function limitsOfRule(rule: Pick<ValidationMetadata, 'name' | 'constraints'>): SchemaLimits {
  const constraint: unknown = rule.constraints?.[0];
  switch (rule.name) {
    case 'isInt':
      return { type: 'integer' };
    case 'isBoolean':
      return { type: 'boolean' };
    case 'min':
      return { minimum: constraint };
    case 'max':
      return { maximum: constraint };
    case 'minLength':
      return { minLength: constraint };
    case 'maxLength':
      return { maxLength: constraint };
    case 'isNotEmpty':
      return { minLength: 1 };
    case 'matches':
      return { pattern: constraint instanceof RegExp ? constraint.source : constraint };
    case 'arrayMinSize':
      return { minItems: constraint };
    case 'arrayMaxSize':
      return { maxItems: constraint };
    case 'isIn':
      return { enum: constraint };
    default:
      return {};
  }
}

/** A property's rules: whether it is optional, and what its rules and its items' (`each`) rules say. */
export interface PropertyRules {
  readonly isOptional: boolean;
  readonly rules: readonly ValidationMetadata[];
}

/** The class-validator rules of each validated property of a DTO. */
export function validatorRules(dto: abstract new (...args: never[]) => unknown): ReadonlyMap<string, PropertyRules> {
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const rule of getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false)) byProperty.set(rule.propertyName, [...(byProperty.get(rule.propertyName) ?? []), rule]);
  return new Map([...byProperty].map(([property, rules]) => [property, { isOptional: rules.some((rule) => rule.type === 'conditionalValidation'), rules }]));
}

/** Merges rules' limits; of several minimum lengths (isNotEmpty and minLength) the larger holds. */
function mergedLimits(rules: readonly ValidationMetadata[]): SchemaLimits {
  return rules.reduce<SchemaLimits>((limits, rule) => {
    const own = limitsOfRule(rule);
    const minLength = [limits['minLength'], own['minLength']].filter((value): value is number => typeof value === 'number');
    return { ...limits, ...own, ...(minLength.length > 0 ? { minLength: Math.max(...minLength) } : {}) };
  }, {});
}

/**
 * Writes a DTO's OpenAPI description from its class-validator rules (#24): types, bounds, lengths, patterns, sizes,
 * enums and whether a property is required come from the rules the ValidationPipe enforces, so the document cannot
 * state other limits; @ApiProperty keeps only what rules cannot say (descriptions, examples, defaults). A rule with
 * `each` describes the items, which needs the property declared as `type: 'array'` with its `items`.
 * Put it on the class: class decorators run after the property decorators have registered their rules.
 */
export const ApiPropertiesFromValidators =
  (): ClassDecorator =>
  (target) => {
    const dto = target as unknown as abstract new (...args: never[]) => unknown;
    for (const [property, { isOptional, rules }] of validatorRules(dto)) {
      const stated: unknown = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, target.prototype as object, property);
      const documented = typeof stated === 'object' && stated !== null ? (stated as SchemaLimits) : {};
      const itemRules = rules.filter((rule) => rule.each);
      if (Object.keys(mergedLimits(itemRules)).length > 0 && documented['type'] !== 'array') {
        throw new Error(`${target.name}.${property}: rules on its items need @ApiProperty({ type: 'array', items: { type: ... } })`);
      }
      const items = typeof documented['items'] === 'object' && documented['items'] !== null ? (documented['items'] as SchemaLimits) : {};
      const itemLimits = mergedLimits(itemRules);
      ApiProperty({
        ...mergedLimits(rules.filter((rule) => !rule.each)),
        ...(Object.keys(itemLimits).length > 0 ? { items: { ...items, ...itemLimits } } : {}),
        ...(isOptional ? { required: false } : {}),
      } as Parameters<typeof ApiProperty>[0])(target.prototype as object, property);
    }
  };
