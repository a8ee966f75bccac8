import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@promo/platform';
import { type Cart, type PriceOptions as EnginePriceOptions, type Usage, normalizeCode } from '@promo/pricing-engine';
import { DataSource } from 'typeorm';
import { CodeResolver } from '../code-lookup/code-resolver.service';
import type { IndexEntry, IndexSnapshot } from '../promotion-index/index-snapshot';
import { PromotionIndexHolder } from '../promotion-index/promotion-index.holder';
import { RecentCartsStore } from '../impact/recent-carts.store';
import { PromotionUsesHolder } from '../usage/promotion-uses.holder';
import { type UsageCounts, UsageRepository } from '../usage/usage.repository';
import { type Admission, admissionMessage, admitCode, type WindowStatus, windowStatusAt } from './code-admission';
import { IndexNotReadyError } from './index-not-ready.error';
import type { CodeOutcomeView, PricedCart } from './priced-cart';
import { budgetRemainingOf, usageOf } from './usage-overlay';

const NO_USES: ReadonlyMap<string, number> = new Map();

export interface PriceOptions {
  /** Price against this snapshot (dry-run drafts) instead of the replica's current one. */
  readonly snapshot?: IndexSnapshot;
  readonly at?: Date;
  /** Keep the cart for the impact preview (not for dry-runs). */
  readonly remember: boolean;
}

/**
 * Prices a cart with the in-memory index (P11), shared by the price API, the `cart.updated` consumer and the
 * dry-run: bulk codes resolved through code-inventory, live usage from the projection, then the engine.
 */
@Injectable()
export class CartPricingService {
  constructor(
    private readonly holder: PromotionIndexHolder,
    private readonly resolver: CodeResolver,
    private readonly usage: UsageRepository,
    private readonly promotionUses: PromotionUsesHolder,
    private readonly recentCarts: RecentCartsStore,
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  currentSnapshot(): IndexSnapshot {
    const snapshot = this.holder.current();
    if (snapshot === undefined) throw new IndexNotReadyError('the promotion index is not built yet');
    return snapshot;
  }

  async price(cart: Cart, token: string | null, options: PriceOptions): Promise<PricedCart> {
    const snapshot = options.snapshot ?? this.currentSnapshot();
    const at = options.at ?? this.clock.now();
    const customerId = cart.customer?.customerId ?? null;
    const entered = cart.codes ?? [];
    const { admissions, codePromotions } = await this.admitCodes(snapshot, entered, customerId, token, at);
    const extraCodes = new Map([...admissions].flatMap(([code, a]) => (a.kind === 'admit' ? [[code, a.promotionId] as const] : [])));
    const refused = (code: string): boolean => admissions.get(normalizeCode(code))?.kind === 'refuse';
    const counts = await this.readUsage(snapshot, cart, codePromotions, customerId);
    const result = snapshot.index.price({ ...cart, codes: entered.filter((code) => !refused(code)) }, at, {
      extraCodes,
      ...this.liveLimits(snapshot, counts, customerId),
    });
    if (options.remember) this.recentCarts.remember(cart);
    return { ...result, codes: codeOutcomes(entered, admissions, result.codes), indexVersion: snapshot.version, pricedAt: at.toISOString() };
  }

  /**
   * Each distinct code entered, normalised: one the index lists maps to its promotion; any other is resolved with
   * code-inventory (unique codes, C1) and admitted or refused before the engine sees the cart.
   */
  private async admitCodes(
    snapshot: IndexSnapshot,
    entered: readonly string[],
    customerId: string | null,
    token: string | null,
    at: Date,
  ): Promise<{ readonly admissions: Map<string, Admission>; readonly codePromotions: Map<string, string> }> {
    const admissions = new Map<string, Admission>();
    const codePromotions = new Map<string, string>();
    const windowOf = (promotionId: string): WindowStatus | undefined => {
      const entry = snapshot.byId.get(promotionId);
      return entry === undefined ? undefined : windowStatusAt(entry, snapshot.settings.timeZone, at);
    };
    await Promise.all(
      [...new Set(entered.map((code) => normalizeCode(code)))].map(async (code) => {
        const listed = snapshot.codes.get(code);
        if (listed !== undefined) {
          codePromotions.set(code, listed);
          return;
        }
        const admission = admitCode(await this.resolver.resolve(code, customerId, token), token, windowOf);
        admissions.set(code, admission);
        if (admission.kind === 'admit') codePromotions.set(code, admission.promotionId);
      }),
    );
    return { admissions, codePromotions };
  }

  /**
   * The uses the limits need, in one round trip: of the promotions the codes name, and, for a known customer, their
   * own uses of the automatic promotions limited per customer that could apply to this cart (no query when none could).
   */
  private async readUsage(snapshot: IndexSnapshot, cart: Cart, codePromotions: ReadonlyMap<string, string>, customerId: string | null): Promise<UsageCounts | undefined> {
    const limited = [...new Set(codePromotions.values())].flatMap((id) => {
      const entry = snapshot.byId.get(id);
      return entry === undefined ? [] : [entry];
    });
    if (customerId !== null && snapshot.customerLimitedAutomatics.length > 0) {
      const candidates = new Set(snapshot.index.candidates(cart));
      limited.push(...snapshot.customerLimitedAutomatics.filter((entry) => candidates.has(entry.id)));
    }
    if (limited.length === 0) return undefined;
    return this.usage.read(this.dataSource.manager, limited.map((e) => e.id), [...codePromotions.keys()], customerId);
  }

  /** The engine's live limits: each promotion's budget left (P10) and, when any limit applies, its uses so far. */
  private liveLimits(snapshot: IndexSnapshot, counts: UsageCounts | undefined, customerId: string | null): Pick<EnginePriceOptions, 'budgetRemaining' | 'usage'> {
    const budgetRemaining = (promotionId: string) => {
      const entry = snapshot.byId.get(promotionId);
      if (entry === undefined) return undefined;
      return budgetRemainingOf(entry, entry.kind === 'automatic' ? this.promotionUses.spentOf(promotionId) : (counts?.promotionSpent?.get(promotionId) ?? 0));
    };
    const hasLimitedAutomatics = snapshot.totalLimitedAutomatics.length > 0 || snapshot.customerLimitedAutomatics.length > 0;
    if (counts === undefined && !hasLimitedAutomatics) return { budgetRemaining };
    return {
      budgetRemaining,
      usage: (promotionId: string, code: string | null) => {
        const entry = snapshot.byId.get(promotionId);
        if (entry === undefined) return undefined;
        if (code === null) return entry.kind === 'automatic' ? this.automaticUsage(entry, counts, customerId) : undefined;
        return counts === undefined ? undefined : usageOf(entry, code, counts, customerId);
      },
    };
  }

  /** An automatic promotion's usage: total uses from memory (refreshed), the customer's own from this cart's read. */
  private automaticUsage(entry: IndexEntry, counts: UsageCounts | undefined, customerId: string | null): Usage | undefined {
    if (entry.limits.totalUses === null && entry.limits.usesPerCustomer === null) return undefined;
    const promotionUses = new Map([[entry.id, this.promotionUses.usesOf(entry.id)]]);
    return usageOf(entry, null, { promotionUses, codeUses: NO_USES, customerUses: counts?.customerUses ?? NO_USES }, customerId);
  }
}

/** Each code as entered, once: refused before pricing (with code-inventory's reason), else as the engine answered it. */
function codeOutcomes(entered: readonly string[], admissions: ReadonlyMap<string, Admission>, engineCodes: Readonly<Record<string, CodeOutcomeView>>): Record<string, CodeOutcomeView> {
  const codes: Record<string, CodeOutcomeView> = {};
  for (const code of entered) {
    if (Object.prototype.hasOwnProperty.call(codes, code)) continue;
    const admission = admissions.get(normalizeCode(code));
    const engineOutcome = engineCodes[code];
    if (admission?.kind === 'refuse') {
      codes[code] = {
        status: 'rejected',
        reason: admission.reason,
        message: admissionMessage(admission.detail, code.trim()),
        detail: admission.detail,
        ...(admission.promotionId === undefined ? {} : { promotionId: admission.promotionId }),
      };
    } else if (engineOutcome !== undefined) codes[code] = engineOutcome;
  }
  return codes;
}
