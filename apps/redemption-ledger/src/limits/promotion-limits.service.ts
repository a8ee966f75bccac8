import { Inject, Injectable, Logger } from '@nestjs/common';
import type { PromotionChangedData } from '@promo/contracts';
import { usesPerCustomerOf } from '@promo/contracts/http';
import { CLOCK, type Clock, REDIS, type RedisClient } from '@promo/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { codeKeyOf } from '../usage/usage-keys';
import { UsageRebuildService, redisLimitsOf } from '../usage/usage-rebuild.service';
import { holdEntityLock, holdUsageLockShared } from '../usage/usage-lock';
import { UsageScripts } from '../usage/usage-scripts';
import { type PromotionLimitsRow, UsageStateRepository } from '../usage/usage-state.repository';

export interface LimitsChangeResult {
  readonly promotionId: string;
  readonly version: number;
  /** false when a version at least as new was already held (the change is ignored). */
  readonly isApplied: boolean;
}

/**
 * L1: learns each promotion's limits from `pricing.promotion-changed` (or the same payload on the
 * admin API), keeping the highest version, and puts them where the usage scripts read them.
 */
@Injectable()
export class PromotionLimitsService {
  private readonly logger = new Logger('promotion-limits');

  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(REDIS) private readonly redis: RedisClient,
    private readonly dataSource: DataSource,
    private readonly state: UsageStateRepository,
    private readonly scripts: UsageScripts,
    private readonly rebuild: UsageRebuildService,
  ) {}

  /** The admin API's entry: the change in a transaction of its own. */
  async applyChangeNow(change: PromotionChangedData): Promise<LimitsChangeResult> {
    return this.dataSource.transaction((manager) => this.applyChange(manager, change));
  }

  async applyChange(manager: EntityManager, change: PromotionChangedData): Promise<LimitsChangeResult> {
    await holdUsageLockShared(manager, this.redis.options.keyPrefix ?? '');
    // Two replicas (the consumer and the admin API) may apply changes of one new promotion at once: FOR UPDATE has no row to lock yet.
    await holdEntityLock(manager, 'promotion', change.promotionId);
    const held = await this.state.promotionLimits(manager, change.promotionId, true);
    if (held && held.version >= change.version) return { promotionId: change.promotionId, version: held.version, isApplied: false };
    const next = limitsFromChange(change, held);
    await manager.query(
      `INSERT INTO promotion_limits (promotion_id, kind, version, is_deleted, total_uses, uses_per_code, uses_per_customer, consume_unit, shared_codes,
         budget, budget_currency, changed_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (promotion_id) DO UPDATE SET kind = EXCLUDED.kind, version = EXCLUDED.version, is_deleted = EXCLUDED.is_deleted,
         total_uses = EXCLUDED.total_uses, uses_per_code = EXCLUDED.uses_per_code, uses_per_customer = EXCLUDED.uses_per_customer,
         consume_unit = EXCLUDED.consume_unit, shared_codes = EXCLUDED.shared_codes, budget = EXCLUDED.budget, budget_currency = EXCLUDED.budget_currency,
         changed_at = EXCLUDED.changed_at, updated_at = EXCLUDED.updated_at`,
      [next.promotionId, next.kind, next.version, next.isDeleted, next.totalUses, next.usesPerCode, next.usesPerCustomer, next.consumeUnit, next.sharedCodes, next.budget, next.budgetCurrency, change.changedAt, this.clock.now()],
    );
    const isNew = !(await this.state.hasLiveHold(manager, change.promotionId));
    const stored = await this.scripts.setLimits(change.promotionId, redisLimitsOf(next), isNew);
    if (stored === 'not_loaded') {
      // Redis lost this promotion's counters: the rebuild waits for this transaction (shared lock) and reads it.
      void this.rebuild.trigger(`limits of ${change.promotionId} missing`);
    }
    this.logger.log({ promotionId: change.promotionId, version: change.version, change: change.change }, 'promotion limits stored');
    return { promotionId: change.promotionId, version: change.version, isApplied: true };
  }
}

/**
 * L1 defaults: no limit unless given; a coupon without usesPerCustomer (absent or null) gets one use per customer; consume per
 * cart. The promotion's `codes` are its shared codes (C1); every other code it is used with is a group code of code-inventory,
 * which the usage scripts hold to one use when usesPerCode is not set (#19.2, seed 002).
 */
export function limitsFromChange(change: PromotionChangedData, held: PromotionLimitsRow | undefined): PromotionLimitsRow {
  const promotion = change.promotion;
  if (change.change === 'deleted' || promotion === null) {
    return {
      promotionId: change.promotionId,
      kind: held?.kind ?? 'automatic',
      version: change.version,
      isDeleted: true,
      totalUses: held?.totalUses ?? null,
      usesPerCode: held?.usesPerCode ?? null,
      usesPerCustomer: held?.usesPerCustomer ?? null,
      consumeUnit: held?.consumeUnit ?? 'cart',
      sharedCodes: held?.sharedCodes ?? null,
      budget: held?.budget ?? null,
      budgetCurrency: held?.budgetCurrency ?? null,
    };
  }
  const limits = promotion.limits ?? {};
  const perCustomer = usesPerCustomerOf(promotion.kind, limits.usesPerCustomer);
  return {
    promotionId: change.promotionId,
    kind: promotion.kind,
    version: change.version,
    isDeleted: false,
    totalUses: limits.totalUses ?? null,
    usesPerCode: limits.usesPerCode ?? null,
    usesPerCustomer: perCustomer,
    consumeUnit: limits.consumeUnit ?? 'cart',
    sharedCodes: sharedCodesOf(promotion['codes']),
    // #23, rule 19: the budget is in the promotion's one currency (pricing refuses a budget without targeting.currency).
    budget: limits.budget ?? null,
    budgetCurrency: limits.budget === undefined || limits.budget === null ? null : currencyOf(promotion['targeting']),
  };
}

/** `targeting.currency` when it is a currency code; null otherwise. */
function currencyOf(targeting: unknown): string | null {
  if (typeof targeting !== 'object' || targeting === null || !('currency' in targeting)) return null;
  const { currency } = targeting;
  return typeof currency === 'string' && /^[A-Z]{3}$/.test(currency) ? currency : null;
}

/** The promotion's own codes, normalized as uses are; absent (a coupon whose codes all live in code-inventory) is none. */
function sharedCodesOf(codes: unknown): string[] {
  if (!Array.isArray(codes)) return [];
  const keys = codes.map((code: unknown) => (typeof code === 'string' ? codeKeyOf(code) : null)).filter((key): key is string => key !== null);
  return [...new Set(keys)].sort();
}
