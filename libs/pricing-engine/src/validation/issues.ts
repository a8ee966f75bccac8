/** One validation error (STYLE.md "Errors"): `field` is the path as the client wrote it. */
export interface ValidationError {
  readonly field: string;
  /** snake_case code: required, invalid_type, out_of_range, unknown_type, ... */
  readonly reason: string;
  readonly detail: string;
}

export type ParseResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly ValidationError[] };

/** Errors collected while parsing one input; parsing goes on after an error to report them all. */
export type Errors = ValidationError[];

export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function fieldPath(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

export function indexPath(path: string, index: number): string {
  return `${path}[${index}]`;
}

export function fail(errors: Errors, field: string, reason: string, detail: string): undefined {
  errors.push({ field, reason, detail });
  return undefined;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

interface Options {
  readonly required?: boolean;
}

/** A non-empty string at `key`, or undefined (with an error when required or mistyped). */
export function readString(
  obj: Readonly<Record<string, unknown>>,
  key: string,
  path: string,
  errors: Errors,
  options: Options = {},
): string | undefined {
  const value = obj[key];
  const field = fieldPath(path, key);
  if (value === undefined || value === null) {
    return options.required === false ? undefined : fail(errors, field, 'required', `${key} is required.`);
  }
  if (typeof value !== 'string') return fail(errors, field, 'invalid_type', `${key} must be a string, got ${describe(value)}.`);
  if (value.length === 0) return fail(errors, field, 'required', `${key} must not be empty.`);
  return value;
}

interface IntegerOptions extends Options {
  readonly min?: number;
  readonly max?: number;
}

/** A safe integer at `key` within [min, max]. */
export function readInteger(
  obj: Readonly<Record<string, unknown>>,
  key: string,
  path: string,
  errors: Errors,
  options: IntegerOptions = {},
): number | undefined {
  const value = obj[key];
  const field = fieldPath(path, key);
  if (value === undefined || value === null) {
    return options.required === false ? undefined : fail(errors, field, 'required', `${key} is required.`);
  }
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    return fail(errors, field, 'invalid_type', `${key} must be an integer, got ${describe(value)}${typeof value === 'number' ? ` ${value}` : ''}.`);
  }
  if (options.min !== undefined && value < options.min) {
    return fail(errors, field, 'out_of_range', `${key} must be at least ${options.min}, got ${value}.`);
  }
  if (options.max !== undefined && value > options.max) {
    return fail(errors, field, 'out_of_range', `${key} must be at most ${options.max}, got ${value}.`);
  }
  return value;
}

/** An amount of minor units: a non-negative safe integer (P8). */
export function readAmount(obj: Readonly<Record<string, unknown>>, key: string, path: string, errors: Errors, options: Options = {}): number | undefined {
  return readInteger(obj, key, path, errors, { ...options, min: 0 });
}

/** A boolean at `key`; `fallback` when absent. */
export function readBoolean(
  obj: Readonly<Record<string, unknown>>,
  key: string,
  path: string,
  errors: Errors,
  fallback: boolean,
): boolean {
  const value = obj[key];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'boolean') {
    fail(errors, fieldPath(path, key), 'invalid_type', `${key} must be true or false, got ${describe(value)}.`);
    return fallback;
  }
  return value;
}

/** One of `allowed` at `key`; `fallback` when absent (undefined fallback makes it required). */
export function readEnum<T extends string>(
  obj: Readonly<Record<string, unknown>>,
  key: string,
  path: string,
  errors: Errors,
  allowed: readonly T[],
  fallback?: T,
): T | undefined {
  const value = obj[key];
  const field = fieldPath(path, key);
  if (value === undefined || value === null) {
    return fallback ?? fail(errors, field, 'required', `${key} is required (one of ${allowed.join(', ')}).`);
  }
  const match = allowed.find((candidate) => candidate === value);
  if (match === undefined) {
    return fail(errors, field, 'invalid_value', `${key} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}.`);
  }
  return match;
}

/** An array of strings at `key`, or undefined when absent. */
export function readStringList(
  obj: Readonly<Record<string, unknown>>,
  key: string,
  path: string,
  errors: Errors,
  options: Options = {},
): string[] | undefined {
  const value = obj[key];
  const field = fieldPath(path, key);
  if (value === undefined || value === null) {
    return options.required === true ? fail(errors, field, 'required', `${key} is required.`) : undefined;
  }
  if (!Array.isArray(value)) return fail(errors, field, 'invalid_type', `${key} must be an array of strings, got ${describe(value)}.`);
  const out: string[] = [];
  let ok = true;
  value.forEach((entry: unknown, i: number) => {
    if (typeof entry !== 'string') {
      ok = false;
      fail(errors, indexPath(field, i), 'invalid_type', `Each entry of ${key} must be a string, got ${describe(entry)}.`);
    } else out.push(entry);
  });
  return ok ? out : undefined;
}

/** A record of string values at `key` (custom fields, options), or undefined when absent. */
export function readStringRecord(
  obj: Readonly<Record<string, unknown>>,
  key: string,
  path: string,
  errors: Errors,
): Record<string, string> | undefined {
  const value = obj[key];
  const field = fieldPath(path, key);
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) return fail(errors, field, 'invalid_type', `${key} must be an object of strings, got ${describe(value)}.`);
  const out: Record<string, string> = {};
  for (const [name, entry] of Object.entries(value)) {
    if (typeof entry !== 'string') {
      fail(errors, fieldPath(field, name), 'invalid_type', `${key}.${name} must be a string, got ${describe(entry)}.`);
    } else out[name] = entry;
  }
  return out;
}

/** The object at `key`; undefined (with an error when required or mistyped) otherwise. */
export function readObject(
  obj: Readonly<Record<string, unknown>>,
  key: string,
  path: string,
  errors: Errors,
  options: Options = {},
): Readonly<Record<string, unknown>> | undefined {
  const value = obj[key];
  const field = fieldPath(path, key);
  if (value === undefined || value === null) {
    return options.required === true ? fail(errors, field, 'required', `${key} is required.`) : undefined;
  }
  if (!isRecord(value)) return fail(errors, field, 'invalid_type', `${key} must be an object, got ${describe(value)}.`);
  return value;
}

export { describe as describeValue };
