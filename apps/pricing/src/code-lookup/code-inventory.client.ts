import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, CLOCK, type Clock } from '@promo/platform';
import type { PricingConfig } from '../config/env.schema';
import { CircuitBreaker } from './circuit-breaker';
import { type CodeLookup, parseCodeRecord } from './code-lookup.result';

/** code-inventory answered, but refused this request (4xx other than 404): this lookup is unavailable, the service is not. */
type Refused = 'refused';

/**
 * code-inventory's `GET /v1/codes/{code}` with a timeout per attempt, a few retries on transport errors and
 * 5xx, and a circuit breaker; any failure is `unavailable` (the caller degrades, never throws). Only transport
 * errors, timeouts, 5xx and unreadable answers count against the breaker: a 4xx answers one request's input,
 * and counting it let one shopper's request open the breaker for every bulk code on the replica (#19 hole 3).
 */
@Injectable()
export class CodeInventoryClient {
  private readonly logger = new Logger('code-inventory-client');
  private readonly breaker: CircuitBreaker;

  constructor(
    @Inject(APP_CONFIG) private readonly config: PricingConfig,
    @Inject(CLOCK) clock: Clock,
  ) {
    this.breaker = new CircuitBreaker(config.CODE_INVENTORY_BREAKER_THRESHOLD, config.CODE_INVENTORY_BREAKER_OPEN_MS, () => clock.now().getTime());
  }

  async lookup(code: string, customerId: string | null, token: string | null): Promise<CodeLookup> {
    if (!this.breaker.canPass()) return { kind: 'unavailable' };
    const url = new URL(`/v1/codes/${encodeURIComponent(code)}`, this.config.CODE_INVENTORY_URL);
    if (customerId !== null) url.searchParams.set('customerId', customerId);
    if (token !== null) url.searchParams.set('token', token);
    for (let attempt = 0; attempt <= this.config.CODE_INVENTORY_RETRIES; attempt += 1) {
      const outcome = await this.attempt(url);
      if (outcome === 'refused') {
        this.breaker.succeeded();
        return { kind: 'unavailable' };
      }
      if (outcome !== 'retry') {
        if (outcome.kind === 'unavailable') this.breaker.failed();
        else this.breaker.succeeded();
        return outcome;
      }
    }
    this.breaker.failed();
    return { kind: 'unavailable' };
  }

  private async attempt(url: URL): Promise<CodeLookup | Refused | 'retry'> {
    try {
      const response = await fetch(url, {
        headers: { 'x-api-key': this.config.CODE_INVENTORY_API_KEY, accept: 'application/json' },
        signal: AbortSignal.timeout(this.config.CODE_INVENTORY_TIMEOUT_MS),
      });
      if (response.status === 404) {
        await response.body?.cancel();
        return { kind: 'not_found' };
      }
      if (response.status >= 500) {
        await response.body?.cancel();
        return 'retry';
      }
      if (response.status !== 200) {
        await response.body?.cancel();
        if (response.status === 401 || response.status === 403) {
          // Retrying will not help; say so loudly (a wrong key is an operator's problem).
          this.logger.error({ status: response.status, path: url.pathname }, 'code-inventory refused the lookup key');
          return 'refused';
        }
        // 400 (what a shopper sent), 429 (too many lookups): retrying will not help either.
        this.logger.warn({ status: response.status, path: url.pathname }, 'code-inventory refused the lookup');
        return response.status >= 400 ? 'refused' : { kind: 'unavailable' };
      }
      const record = parseCodeRecord(await response.json());
      if (record === undefined) {
        this.logger.error({ path: url.pathname }, 'code-inventory answered a lookup in an unexpected shape');
        return { kind: 'unavailable' };
      }
      return { kind: 'found', record };
    } catch (error) {
      this.logger.warn({ err: error, path: url.pathname }, 'code-inventory lookup attempt failed');
      return 'retry';
    }
  }
}
