import { DECORATORS } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';

type Documented = Readonly<Record<string, unknown>>;

function sourceOf(pattern: unknown): unknown {
  return pattern instanceof RegExp ? pattern.source : pattern;
}

/** What one class-validator rule requires the property's OpenAPI description (or its items') to say; null when it says it. */
function missing(rule: string, constraint: unknown, doc: Documented): string | null {
  const says = (key: string, value: unknown): string | null => (JSON.stringify(sourceOf(doc[key])) === JSON.stringify(value) ? null : `${key} ${JSON.stringify(value)}`);
  switch (rule) {
    case 'isInt':
      return doc['type'] === 'integer' ? null : 'type "integer"';
    case 'isBoolean':
      return doc['type'] === Boolean || doc['type'] === 'boolean' ? null : 'type "boolean"';
    case 'min':
      return says('minimum', constraint);
    case 'max':
      return says('maximum', constraint);
    case 'minLength':
      return says('minLength', constraint);
    case 'maxLength':
      return says('maxLength', constraint);
    case 'isNotEmpty':
      return typeof doc['minLength'] === 'number' && doc['minLength'] >= 1 ? null : 'minLength 1';
    case 'matches':
      return says('pattern', sourceOf(constraint));
    case 'arrayMinSize':
      return says('minItems', constraint);
    case 'arrayMaxSize':
      return says('maxItems', constraint);
    case 'isIn':
      return says('enum', constraint);
    default:
      // isString, isArray, nested validation: the type says them.
      return null;
  }
}

/**
 * The limits a DTO's class-validator rules enforce that its @ApiProperty description does not state (#24), one
 * sentence each; empty when the OpenAPI document says what the validator enforces. A rule with `each` is checked
 * against the property's `items`; @IsOptional must be said as `required: false`, its absence as required.
 */
export function undocumentedValidation(dto: abstract new (...args: never[]) => unknown): readonly string[] {
  const problems: string[] = [];
  const rules = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  const properties = new Set(rules.map((rule) => rule.propertyName));
  for (const property of properties) {
    const doc: unknown = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, dto.prototype as object, property);
    if (typeof doc !== 'object' || doc === null) {
      problems.push(`${dto.name}.${property} is validated but not documented`);
      continue;
    }
    const documented = doc as Documented;
    const own = rules.filter((rule) => rule.propertyName === property);
    const isOptional = own.some((rule) => rule.type === 'conditionalValidation');
    if (isOptional !== (documented['required'] === false)) problems.push(`${dto.name}.${property}: required ${String(!isOptional)} is not documented`);
    for (const rule of own) {
      const items = documented['items'];
      const target = rule.each ? (typeof items === 'object' && items !== null ? (items as Documented) : {}) : documented;
      const gap = rule.name === undefined ? null : missing(rule.name, rule.constraints?.[0], target);
      if (gap !== null) problems.push(`${dto.name}.${property}${rule.each ? '[]' : ''}: ${rule.name ?? rule.type} needs ${gap}`);
    }
  }
  return problems;
}
