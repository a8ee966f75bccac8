/** What a key may do (X3): `storefront` prices, reserves and looks up codes; `admin` does everything. */
export type ApiKeyScope = 'storefront' | 'admin';

export const API_KEY_SCOPES: readonly ApiKeyScope[] = ['storefront', 'admin'];

/** Whether a key of `held` scope may call a route that requires `required`. */
export function scopeAllows(held: ApiKeyScope, required: ApiKeyScope): boolean {
  return held === 'admin' || held === required;
}
