/** The four services the console talks to, by the path prefix the browser uses (`/api/<service>/...`). */
export const SERVICES = ['pricing', 'code-inventory', 'redemption-ledger', 'campaigns'] as const;
export type ServiceName = (typeof SERVICES)[number];
export type ProxyTargets = Readonly<Record<ServiceName, string>>;

const DEFAULT_PORTS: Readonly<Record<ServiceName, number>> = { pricing: 3001, 'code-inventory': 3002, 'redemption-ledger': 3003, campaigns: 3004 };

function envName(service: ServiceName): string {
  return `CONSOLE_${service.toUpperCase().replace(/-/g, '_')}_URL`;
}

/** Targets from `CONSOLE_PRICING_URL`, `CONSOLE_CODE_INVENTORY_URL`, ... or the local ports 3001-3004. */
export function targetsFromEnv(env: Readonly<Record<string, string | undefined>>): ProxyTargets {
  const entries = SERVICES.map((service) => [service, env[envName(service)] ?? `http://127.0.0.1:${DEFAULT_PORTS[service]}`] as const);
  return Object.fromEntries(entries) as Record<ServiceName, string>;
}

/**
 * `/api/pricing/v1/promotions?q=x` → the pricing target and `/v1/promotions?q=x`; null for any other path.
 * The target is always the service's own origin with the rest as its path: resolving the rest as a URL
 * reference let `//169.254.169.254/...` (or `\\host`) name another host, and the proxy forwards every
 * header, the API key too (#19 hole 2).
 */
export function routeOf(url: string, targets: ProxyTargets): { readonly target: URL; readonly service: ServiceName } | null {
  const match = /^\/api\/([a-z-]+)(\/.*)?$/.exec(url);
  if (match === null) return null;
  const service = SERVICES.find((name) => name === match[1]);
  if (service === undefined) return null;
  const rest = match[2] ?? '/';
  // The origin ends where the path starts: whatever `rest` holds (`//`, `\`, `@`, `:`) stays in the path.
  return { service, target: new URL(`${new URL(targets[service]).origin}${rest}`) };
}
