import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, CLOCK, type Clock } from '@promo/platform';
import type { PricingConfig } from '../config/env.schema';
import { CodeInventoryClient, type CodeLookupOutcome } from '@promo/code-inventory-client';
import { LookupAnswersCache } from './lookup-answers.cache';

/** Resolves codes the index does not hold (bulk codes) through code-inventory, with this replica's bounded cache. */
@Injectable()
export class CodeResolver {
  private readonly cache: LookupAnswersCache;

  constructor(
    private readonly client: CodeInventoryClient,
    @Inject(APP_CONFIG) config: PricingConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.cache = new LookupAnswersCache(config.CODE_LOOKUP_CACHE_SIZE, config.CODE_LOOKUP_CACHE_TTL_MS);
  }

  /** `code` normalised (C2); the customer and token matter only to an email-bound code's `tokenValid`. */
  async resolve(code: string, customerId: string | null, token: string | null): Promise<CodeLookupOutcome> {
    // JSON keeps the pair apart whatever characters the customer id or token holds.
    const variant = JSON.stringify([customerId, token]);
    const nowMs = this.clock.now().getTime();
    const cached = this.cache.get(code, variant, nowMs);
    if (cached !== undefined) return cached;
    const looked = await this.client.lookup(code, customerId, token);
    if (looked.kind !== 'unavailable') this.cache.set(code, variant, looked, this.clock.now().getTime());
    return looked;
  }

  /** A code changed in code-inventory: forget what this replica knew of it. */
  invalidate(code: string): void {
    this.cache.invalidate(code);
  }
}
