import { Inject, Injectable } from '@nestjs/common';
import type { OrderCancelledData, OrderPlacedData } from '@promo/contracts';
import { OutboxWriter } from '@promo/messaging';
import { CLOCK, type Clock, REDIS, type RedisClient } from '@promo/platform';
import type { EntityManager } from 'typeorm';
import { LedgerRepository } from '../ledger/ledger.repository';
import { ReservationsRepository } from '../reservations/reservations.repository';
import { type HoldRow, UsageHoldsRepository } from '../usage/usage-holds.repository';
import { holdEntityLock, holdEntityLocks, holdUsageLockShared } from '../usage/usage-lock';
import { customerKeyOf, publishedCustomerId } from '../usage/customer-key';
import { codeKeyOf, orderHoldId, type UseTarget } from '../usage/usage-keys';
import { UsageRebuildService } from '../usage/usage-rebuild.service';
import { UsageRebuildingError, UsageScripts, type UseDiscount } from '../usage/usage-scripts';
import { UsageStateRepository } from '../usage/usage-state.repository';
import { UsageMetrics } from '../usage/usage.metrics';
import { decisionEntries, decisionEvents, decisionOf, isLive, settledDecision, type UseDecision } from './order-decisions';
import { type OrderUseRow, OrdersRepository } from './orders.repository';

/** One use an order carries: `units` as the order states them (null when it does not), and its discount (#23). */
interface OrderUse extends UseTarget, UseDiscount {
  readonly units: number | null;
}

/**
 * L2/L5 for orders: `order.placed` commits its reservation, or applies each use up to each limit and
 * records the rest as rejected; `order.cancelled` reverses the accepted uses, each once, also when the
 * cancellation was consumed first. Idempotent by order id; every effect is written with the consumer's
 * transaction (and its events to the outbox in it). Both handlers lock the order id first, so the two
 * events of one order run one after the other even on two replicas and before the order's row exists.
 */
@Injectable()
export class OrdersService {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(REDIS) private readonly redis: RedisClient,
    private readonly outbox: OutboxWriter,
    private readonly rebuild: UsageRebuildService,
    private readonly scripts: UsageScripts,
    private readonly state: UsageStateRepository,
    private readonly holds: UsageHoldsRepository,
    private readonly orders: OrdersRepository,
    private readonly reservations: ReservationsRepository,
    private readonly ledger: LedgerRepository,
    private readonly metrics: UsageMetrics,
  ) {}

  async place(manager: EntityManager, order: OrderPlacedData): Promise<void> {
    await this.enterOrder(manager, order.orderId);
    const status = await this.orders.lockStatus(manager, order.orderId);
    if (status === 'placed' || status === 'cancelled') return; // placed before: no second effect
    const isCancelledFirst = status === 'cancelled_before_placed';
    await this.orders.savePlaced(manager, order, isCancelledFirst ? 'cancelled' : 'placed');
    const now = this.clock.now();
    const customerId = customerKeyOf(order.customer?.customerId, order.guestEmail);
    const reservationId = order.reservationId ?? null;
    const reserved = reservationId ? (await this.holds.ofReservation(manager, reservationId)).filter((hold) => hold.orderId === null || hold.orderId === order.orderId) : [];
    await this.holdPromotionLocks(manager, [...(order.appliedPromotions ?? []).map((applied) => applied.promotionId), ...reserved.map((hold) => hold.promotionId)]);
    const unmatched = [...reserved];
    const decided: OrderUseRow[] = [];
    for (const [index, applied] of (order.appliedPromotions ?? []).entries()) {
      const codeKey = codeKeyOf(applied.code);
      const matchIndex = unmatched.findIndex((hold) => hold.promotionId === applied.promotionId && hold.codeKey === codeKey);
      const match = matchIndex >= 0 ? unmatched.splice(matchIndex, 1)[0] : undefined;
      // #19.5: the order's units, not the reserved ones; an order that does not say keeps its reservation's (else 1).
      const use: OrderUse = { promotionId: applied.promotionId, codeKey, customerId, holdId: match?.holdId ?? orderHoldId(order.orderId, index), units: applied.units ?? null, discountAmount: applied.amount, currency: order.currency };
      const decision = await this.decide(manager, use);
      // A reservation whose order outgrew a limit is not used: it goes back with the unused ones.
      if (match && decision.reason !== null) unmatched.push(match);
      decided.push({
        orderId: order.orderId,
        useIndex: index,
        promotionId: applied.promotionId,
        code: applied.code ?? null,
        codeKey,
        customerId,
        units: decision.units,
        discountAmount: applied.amount,
        holdId: use.holdId,
        decision: decision.reason === null ? 'accepted' : 'rejected',
        reason: decision.reason,
        isReversed: false,
      });
      if (decision.reason === null) {
        await this.holds.upsert(manager, { holdId: use.holdId, promotionId: use.promotionId, reservationId: match ? reservationId : null, orderId: order.orderId, code: applied.code ?? null, codeKey, customerId, units: decision.units, state: 'committed', expiresAt: null, discountAmount: applied.amount, currency: order.currency }, now);
      }
    }
    await this.orders.insertUses(manager, decided, now);
    for (const use of decided) this.metrics.orderUses.inc({ decision: use.decision });
    await this.recordDecisions(manager, order, reservationId, decided, now);
    await this.releaseUnused(manager, unmatched, order.orderId, now);
    if (reservationId) await this.reservations.setStatus(manager, [reservationId], 'reserved', 'committed', order.orderId);
    if (isCancelledFirst) await this.reverseAccepted(manager, order.orderId, now);
  }

  async cancel(manager: EntityManager, cancelled: OrderCancelledData): Promise<void> {
    await this.enterOrder(manager, cancelled.orderId);
    const status = await this.orders.lockStatus(manager, cancelled.orderId);
    if (status === 'cancelled' || status === 'cancelled_before_placed') return; // cancelled before: no second effect
    // A cancellation consumed before its order takes effect when the order arrives (streams README).
    await this.orders.saveCancelled(manager, cancelled.orderId, cancelled.customerId ?? null, cancelled.cancelledAt, status === undefined);
    if (status === 'placed') await this.reverseAccepted(manager, cancelled.orderId, this.clock.now());
  }

  /**
   * The shared usage lock (a rebuild on any replica waits for this transaction, and this one waits for a
   * running rebuild), then the order's own lock until commit (usage-lock.ts: always in this order).
   */
  private async enterOrder(manager: EntityManager, orderId: string): Promise<void> {
    await holdUsageLockShared(manager, this.redis.options.keyPrefix ?? '');
    await holdEntityLock(manager, 'order', orderId);
  }

  /** One use: committed (its reservation, or taken now under every limit) or the reason it is rejected. */
  private async decide(manager: EntityManager, use: OrderUse): Promise<UseDecision> {
    const units = use.units ?? 1;
    const limits = await this.state.promotionLimits(manager, use.promotionId);
    if (!isLive(limits)) return { units, reason: 'unknown_promotion' };
    const decision = decisionOf(await this.scripts.commit(use), limits, units);
    return settledDecision(decision, use.promotionId, () => void this.rebuild.trigger(`limits of ${use.promotionId} missing`));
  }

  private async recordDecisions(manager: EntityManager, order: OrderPlacedData, reservationId: string | null, decided: readonly OrderUseRow[], now: Date): Promise<void> {
    await this.ledger.append(manager, decisionEntries(order, reservationId, decided, now));
    await this.outbox.enqueueMany(manager, decisionEvents(order, reservationId, decided, now));
  }

  /** Reserved holds the order did not use go back (released). */
  private async releaseUnused(manager: EntityManager, holds: readonly HoldRow[], orderId: string, now: Date): Promise<void> {
    const live = holds.filter((hold) => hold.state === 'reserved');
    for (const hold of live) await this.scripts.release(hold, 'release', now.getTime());
    const released = await this.holds.transition(manager, live.map((hold) => hold.holdId), ['reserved'], 'released', now);
    await this.ledger.append(
      manager,
      released.map((hold) => ({ kind: 'released', orderId, reservationId: hold.reservationId, promotionId: hold.promotionId, code: hold.code, codeKey: hold.codeKey, customerId: hold.customerId, units: hold.units, reason: 'unused_by_order', discountAmount: null, currency: null, at: now })),
    );
  }

  /**
   * The locks of the promotions an order's uses touch, in id order (two orders never wait on each other
   * in a cycle), held until commit, after the order's own lock. Replicas consume different partitions at
   * once; without them, one promotion's decision in Redis on one replica and its ledger entry could commit
   * in the other order than a neighbour's on another replica, and the ledger's sequence would no longer be
   * the order in which its limits were applied (an acceptance logged before the reversal that made room
   * for it). The cost: one promotion's order events are applied one at a time across replicas.
   */
  private async holdPromotionLocks(manager: EntityManager, promotionIds: readonly string[]): Promise<void> {
    await holdEntityLocks(manager, 'promotion', promotionIds);
  }

  /** Only accepted uses are given back, each once (a rejected use never held anything). */
  private async reverseAccepted(manager: EntityManager, orderId: string, now: Date): Promise<void> {
    const uses = await this.orders.acceptedUnreversed(manager, orderId);
    await this.holdPromotionLocks(manager, uses.map((use) => use.promotionId));
    for (const use of uses) {
      const outcome = await this.scripts.release(use, 'reverse', now.getTime());
      if (outcome.kind === 'not_loaded') void this.rebuild.trigger(`limits of ${use.promotionId} missing`);
      if (outcome.kind === 'not_loaded' || outcome.kind === 'rebuilding') throw new UsageRebuildingError(`usage counters of ${use.promotionId} are missing or fenced; rebuilding`);
      await this.holds.transition(manager, [use.holdId], ['committed', 'reserved'], 'reversed', now);
      await this.orders.markReversed(manager, orderId, use.useIndex);
      await this.ledger.append(manager, [
        { kind: 'reversed', orderId, reservationId: null, promotionId: use.promotionId, code: use.code, codeKey: use.codeKey, customerId: use.customerId, units: use.units, reason: 'order_cancelled', discountAmount: use.discountAmount, currency: null, at: now },
      ]);
      await this.outbox.enqueue(manager, {
        type: 'redemption.reversed',
        key: use.promotionId,
        data: { orderId, promotionId: use.promotionId, code: use.code, customerId: publishedCustomerId(use.customerId), units: use.units, discountAmount: use.discountAmount, reversedAt: now.toISOString() },
      });
    }
  }
}
