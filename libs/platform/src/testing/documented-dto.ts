import { DECORATORS } from '@nestjs/swagger';
import { limitsOfRule, validatorRules } from '../docs/api-properties-from-validators';

type Documented = Readonly<Record<string, unknown>>;

function asObject(value: unknown): Documented {
  return typeof value === 'object' && value !== null ? (value as Documented) : {};
}

function said(documented: unknown): unknown {
  return documented instanceof RegExp ? documented.source : documented === Boolean ? 'boolean' : documented;
}

/**
 * The limits a DTO's class-validator rules enforce that its OpenAPI description (@ApiProperty, or
 * ApiPropertiesFromValidators) does not state (#24), one sentence each; empty when the document says what the
 * validator enforces. A rule with `each` is checked against the property's `items`; @IsOptional must be said as
 * `required: false`, its absence as required. A minimum length may be stated larger than isNotEmpty's 1.
 */
export function undocumentedValidation(dto: abstract new (...args: never[]) => unknown): readonly string[] {
  const problems: string[] = [];
  for (const [property, { isOptional, rules }] of validatorRules(dto)) {
    const stated: unknown = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, dto.prototype as object, property);
    if (typeof stated !== 'object' || stated === null) {
      problems.push(`${dto.name}.${property} is validated but not documented`);
      continue;
    }
    const documented = stated as Documented;
    if (isOptional !== (documented['required'] === false)) problems.push(`${dto.name}.${property}: required ${String(!isOptional)} is not documented`);
    for (const rule of rules) {
      const target = rule.each ? asObject(documented['items']) : documented;
      for (const [key, value] of Object.entries(limitsOfRule(rule))) {
        const isLargerMinimum = rule.name === 'isNotEmpty' && typeof target[key] === 'number' && target[key] >= 1;
        if (!isLargerMinimum && JSON.stringify(said(target[key])) !== JSON.stringify(value)) {
          problems.push(`${dto.name}.${property}${rule.each ? '[]' : ''}: ${rule.name ?? rule.type} needs ${key} ${JSON.stringify(value)}`);
        }
      }
    }
  }
  return problems;
}
