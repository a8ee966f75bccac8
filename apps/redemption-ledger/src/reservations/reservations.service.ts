import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, CLOCK, type Clock, ConflictError, REDIS, ValidationFailedError, type RedisClient } from '@promo/platform';
import { DataSource } from 'typeorm';
import { runUsageStep } from '../common/run-usage-step';
import { UsageUnavailableError } from '../common/usage-unavailable.error';
import type { RedemptionLedgerConfig } from '../config/env.schema';
import { LedgerRepository } from '../ledger/ledger.repository';
import { UsageHoldsRepository } from '../usage/usage-holds.repository';
import { holdUsageLockShared } from '../usage/usage-lock';
import { UsageMetrics } from '../usage/usage.metrics';
import { customerKeyOf } from '../usage/customer-key';
import { codeKeyOf, reservationHoldId } from '../usage/usage-keys';
import { UsageRebuildService } from '../usage/usage-rebuild.service';
import { UsageRebuildingError, UsageScripts, type UseRequest } from '../usage/usage-scripts';
import { UsageStateRepository } from '../usage/usage-state.repository';
import { type ReservationAnswer, type ReservationRequest, type ReservationUseAnswer, reservationFingerprint } from './reservation';
import { ReservationsRepository } from './reservations.repository';

/** A request whose customer is the key its per-customer limits count under (customer-key.ts). */
type KeyedRequest = ReservationRequest & { readonly customerId: string };

interface PlannedUse extends UseRequest {
  readonly code: string | null;
}

/**
 * L2: reserves every use of a checkout or none. Each use is one reserve-usage call (atomic within its
 * promotion's slot); when a later one is refused the earlier ones are released. L3 at N replicas: a
 * script fenced by a rebuild (on any replica) answers `rebuilding` and the call gets 503; the accepted
 * reservation is written under the shared usage lock after checking its holds survived any rebuild since.
 */
@Injectable()
export class ReservationsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: RedemptionLedgerConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(REDIS) private readonly redis: RedisClient,
    private readonly dataSource: DataSource,
    private readonly rebuild: UsageRebuildService,
    private readonly scripts: UsageScripts,
    private readonly state: UsageStateRepository,
    private readonly holds: UsageHoldsRepository,
    private readonly reservations: ReservationsRepository,
    private readonly ledger: LedgerRepository,
    private readonly metrics: UsageMetrics,
  ) {}

  async reserve(request: ReservationRequest): Promise<ReservationAnswer> {
    try {
      const answer = await runUsageStep(this.config.REBUILD_RETRY_AFTER_S, () => this.reserveUses(request));
      this.metrics.reservations.inc({ outcome: answer.status });
      return answer;
    } catch (error) {
      this.metrics.reservations.inc({ outcome: error instanceof UsageUnavailableError ? 'unavailable' : 'error' });
      throw error;
    }
  }

  private async reserveUses(request: ReservationRequest): Promise<ReservationAnswer> {
    const customerKey = customerKeyOf(request.customerId, request.email);
    if (customerKey === null) {
      throw new ValidationFailedError([{ field: 'customerId', reason: 'required', detail: 'a reservation names its customer: customerId, or email for a guest' }]);
    }
    const fingerprint = reservationFingerprint(request);
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.config.RESERVATION_TTL_MS);
    const planned: PlannedUse[] = request.uses.map((use, index) => ({
      promotionId: use.promotionId,
      code: use.code ?? null,
      codeKey: codeKeyOf(use.code),
      customerId: customerKey,
      holdId: reservationHoldId(request.reservationId, index),
      units: use.units,
      discountAmount: use.discount?.amount ?? null,
      currency: use.discount?.currency ?? null,
    }));
    const taken: PlannedUse[] = [];
    // Holds made by an earlier call with this id and body (replays, or a call whose process died before Postgres).
    const replayed: PlannedUse[] = [];
    for (const [index, use] of planned.entries()) {
      const outcome = await this.scripts.reserve(use, expiresAt.getTime(), fingerprint);
      switch (outcome.kind) {
        case 'taken':
          taken.push({ ...use, units: outcome.units });
          break;
        case 'exists':
          if (outcome.fingerprint !== fingerprint) {
            await this.rollBack(taken);
            throw new ConflictError(`reservation ${request.reservationId} exists with another body`, 'reservation_id_reused');
          }
          replayed.push({ ...use, units: outcome.units });
          break;
        case 'refused':
          await this.rollBack(taken);
          return refusedAnswer(request, planned, index, outcome.reason, outcome.limit);
        case 'unknown_promotion':
          await this.rollBack(taken);
          throw unknownPromotion(index, use.promotionId);
        case 'discount_required':
          await this.rollBack(taken);
          throw new ValidationFailedError([{ field: `uses[${index}].discount`, reason: 'required', detail: `promotion ${use.promotionId} has a budget: say the discount this use gives` }]);
        case 'not_loaded':
          await this.rollBack(taken);
          return this.whenNotLoaded(index, use.promotionId);
        case 'rebuilding':
          // Holds taken before the fence are deleted by the rebuild, whether or not this rollback reaches them.
          await this.rollBack(taken);
          throw new UsageRebuildingError(`usage counters of ${use.promotionId} are being rebuilt`);
      }
    }
    if (taken.length === 0) return this.storedAnswer(request, planned, fingerprint);
    try {
      return await this.persist({ ...request, customerId: customerKey }, taken, replayed, planned, fingerprint, expiresAt, now);
    } catch (error) {
      await this.rollBack(taken);
      throw error;
    }
  }

  private async persist(
    request: KeyedRequest,
    taken: PlannedUse[],
    replayed: readonly PlannedUse[],
    planned: readonly PlannedUse[],
    fingerprint: string,
    expiresAt: Date,
    now: Date,
  ): Promise<ReservationAnswer> {
    const stored = await this.dataSource.transaction(async (manager) => {
      // L3 across processes: under the shared usage lock (held until commit) a rebuild cannot read Postgres
      // before these rows are in; one that ran since the holds were taken deleted them, so they are checked.
      await holdUsageLockShared(manager, this.redis.options.keyPrefix ?? '');
      if (!(await this.scripts.areHeld([...replayed, ...taken], fingerprint))) throw new UsageUnavailableError('usage_rebuilding', this.config.REBUILD_RETRY_AFTER_S);
      const uses = planned.map((use) => ({ promotionId: use.promotionId, code: use.code, units: use.units }));
      const isInserted = await this.reservations.insert(manager, { reservationId: request.reservationId, cartId: request.cartId, customerId: request.customerId, fingerprint, uses, expiresAt, createdAt: now });
      if (!isInserted) return false;
      for (const use of [...replayed, ...taken]) {
        await this.holds.upsert(manager, { ...use, reservationId: request.reservationId, orderId: null, state: 'reserved', expiresAt, discountAmount: use.discountAmount ?? 0, currency: use.currency ?? null }, now);
      }
      await this.ledger.append(
        manager,
        [...replayed, ...taken].map((use) => ({ kind: 'reserved', orderId: null, reservationId: request.reservationId, promotionId: use.promotionId, code: use.code, codeKey: use.codeKey, customerId: use.customerId, units: use.units, reason: null, discountAmount: use.discountAmount ?? null, currency: use.currency ?? null, at: now })),
      );
      return true;
    });
    if (!stored) {
      // The id was used before (and its holds have since expired or been released): nothing new is held.
      await this.rollBack(taken);
      return this.storedAnswer(request, planned, fingerprint);
    }
    const units = new Map([...replayed, ...taken].map((use) => [use.holdId, use.units]));
    return {
      reservationId: request.reservationId,
      status: 'reserved',
      expiresAt: expiresAt.toISOString(),
      uses: planned.map((use) => ({ promotionId: use.promotionId, code: use.code, units: units.get(use.holdId) ?? use.units, status: 'reserved' })),
    };
  }

  private async storedAnswer(request: ReservationRequest, planned: readonly PlannedUse[], fingerprint: string): Promise<ReservationAnswer> {
    const stored = await this.reservations.find(this.dataSource.manager, request.reservationId);
    if (stored && stored.fingerprint !== fingerprint) throw new ConflictError(`reservation ${request.reservationId} exists with another body`, 'reservation_id_reused');
    const status = stored?.status ?? 'reserved';
    return {
      reservationId: request.reservationId,
      status,
      expiresAt: stored?.expiresAt.toISOString() ?? null,
      uses: planned.map((use) => ({ promotionId: use.promotionId, code: use.code, units: use.units, status: status === 'reserved' || status === 'committed' ? 'reserved' : 'not_reserved' })),
    };
  }

  /** A promotion Redis does not know: unknown to Postgres too is a 400, else Redis lost it and is rebuilt (503). */
  private async whenNotLoaded(index: number, promotionId: string): Promise<never> {
    const limits = await this.state.promotionLimits(this.dataSource.manager, promotionId);
    if (!limits || limits.isDeleted) throw unknownPromotion(index, promotionId);
    void this.rebuild.trigger(`limits of ${promotionId} missing`);
    throw new UsageUnavailableError('usage_rebuilding', this.config.REBUILD_RETRY_AFTER_S);
  }

  /** Releases what this call took, once: the list is emptied, so a later rollback cannot release another call's hold of the same id. */
  private async rollBack(taken: PlannedUse[]): Promise<void> {
    const held = taken.splice(0);
    const nowMs = this.clock.now().getTime();
    for (const use of held) await this.scripts.release(use, 'release', nowMs);
  }
}

function unknownPromotion(index: number, promotionId: string): ValidationFailedError {
  return new ValidationFailedError([{ field: `uses[${index}].promotionId`, reason: 'unknown_promotion', detail: `the ledger knows no promotion ${promotionId}` }]);
}

function refusedAnswer(request: ReservationRequest, planned: readonly PlannedUse[], refusedIndex: number, reason: ReservationUseAnswer['reason'] & string, limit: number): ReservationAnswer {
  return {
    reservationId: request.reservationId,
    status: 'refused',
    expiresAt: null,
    uses: planned.map((use, index): ReservationUseAnswer => {
      const base = { promotionId: use.promotionId, code: use.code, units: 0 };
      return index === refusedIndex ? { ...base, status: 'refused', reason, limit } : { ...base, status: 'not_reserved' };
    }),
  };
}
