import type { z } from 'zod';

/** Every invalid environment variable at once, so the operator fixes them in one go. */
export class InvalidEnvironmentError extends Error {
  constructor(readonly problems: readonly { readonly variable: string; readonly reason: string }[]) {
    super(`invalid environment: ${problems.map((p) => `${p.variable} (${p.reason})`).join('; ')}`);
    this.name = 'InvalidEnvironmentError';
  }
}

/** Validates the environment against an app's schema; throws InvalidEnvironmentError naming each bad variable. */
export function parseEnv<TSchema extends z.ZodTypeAny>(schema: TSchema, env: Readonly<Record<string, string | undefined>>): z.infer<TSchema> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new InvalidEnvironmentError(
    result.error.issues.map((issue) => ({ variable: issue.path.join('.') || '(environment)', reason: issue.message })),
  );
}
