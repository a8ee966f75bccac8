import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock, ValidationFailedError } from '@promo/platform';
import type { PricingResult } from '@promo/pricing-engine';
import { CartPricingService } from '../pricing/cart-pricing.service';
import { snapshotWithDrafts } from '../pricing/draft-snapshot';
import { RecentCartsStore } from './recent-carts.store';

export interface CartImpact {
  readonly cartId: string;
  readonly currency: string;
  /** Minor units: total discount now, with the drafts, and the difference (positive = more discount). */
  readonly discountBefore: number;
  readonly discountAfter: number;
  readonly discountAdded: number;
}

export interface ImpactReport {
  readonly cartsExamined: number;
  readonly cartsChanged: number;
  /** Per currency, minor units the drafts would add over the examined carts (negative = take away). */
  readonly discountAdded: Readonly<Record<string, number>>;
  readonly mostAffected: readonly CartImpact[];
}

const MOST_AFFECTED = 10;

function discountOf(result: PricingResult): number {
  return result.subtotal + (result.shipping?.amount ?? 0) - result.total;
}

/**
 * What-if over the last N carts this service priced: each is priced by the current index and by the index with
 * the drafts (codes the index lists only; bulk codes are not looked up for a preview).
 */
@Injectable()
export class ImpactService {
  constructor(
    private readonly pricing: CartPricingService,
    private readonly recentCarts: RecentCartsStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async preview(drafts: unknown, carts: number): Promise<ImpactReport> {
    const base = this.pricing.currentSnapshot();
    const withDrafts = snapshotWithDrafts(base, drafts);
    if (!withDrafts.ok) throw new ValidationFailedError(withDrafts.errors);
    const at = this.clock.now();
    const impacts: CartImpact[] = [];
    const added: Record<string, number> = {};
    const sample = await this.recentCarts.latest(carts);
    for (const cart of sample) {
      const before = discountOf(base.index.price(cart, at));
      const after = discountOf(withDrafts.snapshot.index.price(cart, at));
      if (before === after) continue;
      impacts.push({ cartId: cart.cartId, currency: cart.currency, discountBefore: before, discountAfter: after, discountAdded: after - before });
      added[cart.currency] = (added[cart.currency] ?? 0) + (after - before);
    }
    const mostAffected = [...impacts].sort((a, b) => Math.abs(b.discountAdded) - Math.abs(a.discountAdded) || a.cartId.localeCompare(b.cartId)).slice(0, MOST_AFFECTED);
    return { cartsExamined: sample.length, cartsChanged: impacts.length, discountAdded: added, mostAffected };
  }
}
