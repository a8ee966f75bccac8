/** The four services, each behind `/api/<name>` on the console's origin. */
export type ServiceName = 'pricing' | 'code-inventory' | 'redemption-ledger' | 'campaigns';

export function serviceUrl(service: ServiceName, path: string): string {
  return `/api/${service}${path}`;
}
