import { Inject, Injectable } from '@nestjs/common';
import type { OrderPlacedData } from '@promo/contracts';
import { OutboxWriter } from '@promo/messaging';
import { CLOCK, type Clock, REDIS, type RedisClient } from '@promo/platform';
import type { EntityManager } from 'typeorm';
import { LedgerRepository } from '../ledger/ledger.repository';
import { type HoldRow, UsageHoldsRepository } from '../usage/usage-holds.repository';
import { customerKeyOf } from '../usage/customer-key';
import { codeKeyOf, orderHoldId } from '../usage/usage-keys';
import { holdEntityLocks, holdUsageLockShared } from '../usage/usage-lock';
import { UsageRebuildService } from '../usage/usage-rebuild.service';
import { type CommitRequest, UsageScripts } from '../usage/usage-scripts';
import { UsageStateRepository } from '../usage/usage-state.repository';
import { UsageMetrics } from '../usage/usage.metrics';
import { decisionEntries, decisionEvents, decisionOf, isLive, settledDecision, type UseDecision } from './order-decisions';
import { type OrderUseRow, OrdersRepository } from './orders.repository';
import { OrdersService } from './orders.service';

/** One use of an order in a batch, where it is in the order, and what the ledger asks Redis for it. */
interface BatchUse {
  readonly order: OrderPlacedData;
  readonly index: number;
  readonly request: CommitRequest;
}

/**
 * #21: a batch of `order.placed` (one partition's, in order) in the consumer's one transaction, with the
 * effect OrdersService.place has on each in turn. The common order (no reservation, never seen before, once
 * in the batch) is written set-based: its uses are committed in Redis pipelined, in the batch's order, and
 * its rows (order, holds, uses, ledger entries, outbox events) are inserted a statement per table for a
 * run of such orders. Any other order goes through place() at its turn, after the run before it is written.
 *
 * Locks as place() takes them, for the whole batch at once: the shared usage lock, every order's lock,
 * then every promotion's lock the batch may touch, each kind in id order, so no two transactions wait on
 * each other in a cycle (place() finds its locks held already).
 */
@Injectable()
export class PlacedOrdersBatch {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(REDIS) private readonly redis: RedisClient,
    private readonly outbox: OutboxWriter,
    private readonly rebuild: UsageRebuildService,
    private readonly scripts: UsageScripts,
    private readonly state: UsageStateRepository,
    private readonly holds: UsageHoldsRepository,
    private readonly orders: OrdersRepository,
    private readonly ledger: LedgerRepository,
    private readonly metrics: UsageMetrics,
    private readonly placement: OrdersService,
  ) {}

  async placeAll(manager: EntityManager, placed: readonly OrderPlacedData[]): Promise<void> {
    await holdUsageLockShared(manager, this.redis.options.keyPrefix ?? '');
    await holdEntityLocks(manager, 'order', placed.map((order) => order.orderId));
    const statuses = await this.orders.lockStatuses(manager, placed.map((order) => order.orderId));
    const reservations = placed.flatMap((order) => (order.reservationId ? [order.reservationId] : []));
    await holdEntityLocks(manager, 'promotion', [
      ...placed.flatMap((order) => (order.appliedPromotions ?? []).map((applied) => applied.promotionId)),
      ...(await this.holds.promotionsOfReservations(manager, reservations)),
    ]);
    const seen = new Set<string>();
    let run: OrderPlacedData[] = [];
    for (const order of placed) {
      const isCommon = !order.reservationId && !statuses.has(order.orderId) && !seen.has(order.orderId);
      seen.add(order.orderId);
      if (isCommon) {
        run.push(order);
        continue;
      }
      await this.placeNew(manager, run);
      run = [];
      await this.placement.place(manager, order);
    }
    await this.placeNew(manager, run);
  }

  /** Orders without a reservation, never placed or cancelled before: what place() does for each, set-based. */
  private async placeNew(manager: EntityManager, orders: readonly OrderPlacedData[]): Promise<void> {
    if (orders.length === 0) return;
    const now = this.clock.now();
    await this.orders.savePlacedMany(manager, orders, 'placed');
    const uses: BatchUse[] = orders.flatMap((order) =>
      (order.appliedPromotions ?? []).map((applied, index) => ({
        order,
        index,
        request: { promotionId: applied.promotionId, codeKey: codeKeyOf(applied.code), customerId: customerKeyOf(order.customer?.customerId, order.guestEmail), holdId: orderHoldId(order.orderId, index), units: applied.units ?? null, discountAmount: applied.amount, currency: order.currency },
      })),
    );
    const decisions = await this.decideAll(manager, uses);
    const decided: OrderUseRow[] = uses.map(({ order, index, request }, i) => {
      const applied = order.appliedPromotions?.[index];
      const decision = decisions[i];
      if (!applied || !decision) throw new Error(`use ${index} of order ${order.orderId} went missing in its batch`);
      return {
        orderId: order.orderId,
        useIndex: index,
        promotionId: request.promotionId,
        code: applied.code ?? null,
        codeKey: request.codeKey,
        customerId: request.customerId,
        units: decision.units,
        discountAmount: applied.amount,
        holdId: request.holdId,
        decision: decision.reason === null ? 'accepted' : 'rejected',
        reason: decision.reason,
        isReversed: false,
      };
    });
    const orderCurrency = new Map(orders.map((order) => [order.orderId, order.currency]));
    const committed: HoldRow[] = decided
      .filter((use) => use.decision === 'accepted')
      .map((use) => ({ holdId: use.holdId, promotionId: use.promotionId, reservationId: null, orderId: use.orderId, code: use.code, codeKey: use.codeKey, customerId: use.customerId, units: use.units, state: 'committed', expiresAt: null, discountAmount: use.discountAmount, currency: orderCurrency.get(use.orderId) ?? null }));
    await this.holds.upsertMany(manager, committed, now);
    await this.orders.insertUses(manager, decided, now);
    for (const use of decided) this.metrics.orderUses.inc({ decision: use.decision });
    const usesOf = new Map<string, OrderUseRow[]>();
    for (const use of decided) usesOf.set(use.orderId, [...(usesOf.get(use.orderId) ?? []), use]);
    const byOrder = orders.map((order) => ({ order, uses: usesOf.get(order.orderId) ?? [] }));
    await this.ledger.append(manager, byOrder.flatMap(({ order, uses: orderUses }) => decisionEntries(order, null, orderUses, now)));
    await this.outbox.enqueueMany(manager, byOrder.flatMap(({ order, uses: orderUses }) => decisionEvents(order, null, orderUses, now)));
  }

  /** Each use's decision, in order: uses of promotions the ledger knows are committed in Redis in one pipelined round. */
  private async decideAll(manager: EntityManager, uses: readonly BatchUse[]): Promise<UseDecision[]> {
    const limits = await this.state.promotionLimitsOf(manager, uses.map((use) => use.request.promotionId));
    const taken = uses.filter((use) => isLive(limits.get(use.request.promotionId)));
    const outcomes = await this.scripts.commitMany(taken.map((use) => use.request));
    const outcomeOf = new Map(taken.map((use, i) => [use, outcomes[i]]));
    return uses.map((use) => {
      const units = use.request.units ?? 1;
      const promotion = limits.get(use.request.promotionId);
      const outcome = outcomeOf.get(use);
      if (!isLive(promotion) || !outcome) return { units, reason: 'unknown_promotion' };
      const { promotionId } = use.request;
      return settledDecision(decisionOf(outcome, promotion, units), promotionId, () => void this.rebuild.trigger(`limits of ${promotionId} missing`));
    });
  }
}
