/**
 * What a key may do (X3): `storefront` prices, reserves and looks up codes; `admin` does everything. The
 * keys one service calls another with hold only what that call needs (#19): `code-lookup` looks a code up
 * at code-inventory and registers a coupon's shared codes there (pricing's key), `code-issue` issues codes
 * there (campaigns' key); neither may do more.
 */
export type ApiKeyScope = 'storefront' | 'admin' | 'code-lookup' | 'code-issue';

export const API_KEY_SCOPES: readonly ApiKeyScope[] = ['storefront', 'admin', 'code-lookup', 'code-issue'];

/** Whether a key of `held` scope may call a route that accepts the `accepted` scopes (an admin key may call any). */
export function scopeAllows(held: ApiKeyScope, accepted: readonly ApiKeyScope[]): boolean {
  return held === 'admin' || accepted.includes(held);
}
