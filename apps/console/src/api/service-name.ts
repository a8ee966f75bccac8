import type { ServiceName } from '@promo/client';

/** The four services, each behind `/api/<name>` on the console's origin. */
export type { ServiceName };

export function serviceUrl(service: ServiceName, path: string): string {
  return `/api/${service}${path}`;
}
