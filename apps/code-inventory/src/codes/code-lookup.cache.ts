import { Injectable } from '@nestjs/common';
import type { PromotionValidity, StoredCodeState } from './code-state';

/** What the lookup reads of a code row; the promotion's validity is kept apart, shared by its codes. */
export interface CachedCode {
  readonly code: string;
  readonly promotionId: string;
  readonly groupId: string | null;
  readonly state: StoredCodeState;
  readonly hidden: boolean;
  readonly boundCustomerId: string | null;
}

interface Entry<TValue> {
  readonly value: TValue;
  readonly storedAt: number;
}

/** Enough for the codes a storefront is typing right now; a miss costs one indexed query. */
const MAX_CODES = 200_000;
const MAX_PROMOTIONS = 20_000;
/** A safety net only: every change is announced (see CodeChangeListener), so entries are exact until then. */
const MAX_AGE_MS = 60_000;

/**
 * The code lookup's in-process read model (C2, C9; #7: p99 ≤ 2 ms). It answers only while the change
 * listener is connected; every announced change (a code's row, a promotion, a delete) drops what it
 * touches and bumps `epoch`, and a read that started before a change may not store what it read, so a
 * value read from Postgres before a commit can never outlive that commit's announcement. A redeemed code
 * can therefore read as available only between its commit and the announcement reaching this process
 * (the same window a read racing the commit has), never for longer.
 */
@Injectable()
export class CodeLookupCache {
  private readonly codes = new Map<string, Entry<CachedCode>>();
  private readonly promotions = new Map<string, Entry<PromotionValidity | null>>();
  private epoch = 0;
  private isLive = false;

  /** The cached code and its promotion's validity (null: no promotion heard of), or undefined on a miss. */
  get(normalizedCode: string): { readonly code: CachedCode; readonly promotion: PromotionValidity | null } | undefined {
    if (!this.isLive) return undefined;
    const code = fresh(this.codes, normalizedCode);
    if (code === undefined) return undefined;
    const promotion = fresh(this.promotions, code.value.promotionId);
    return promotion === undefined ? undefined : { code: code.value, promotion: promotion.value };
  }

  /** Taken before reading Postgres; `store` refuses what was read if anything changed since. */
  startRead(): number {
    return this.epoch;
  }

  store(normalizedCode: string, code: CachedCode, promotion: PromotionValidity | null, readEpoch: number): void {
    if (!this.isLive || readEpoch !== this.epoch) return;
    const storedAt = performance.now();
    setBounded(this.codes, normalizedCode, { value: code, storedAt }, MAX_CODES);
    setBounded(this.promotions, code.promotionId, { value: promotion, storedAt }, MAX_PROMOTIONS);
  }

  forgetCode(normalizedCode: string): void {
    this.epoch += 1;
    this.codes.delete(normalizedCode);
  }

  forgetPromotion(promotionId: string): void {
    this.epoch += 1;
    this.promotions.delete(promotionId);
  }

  forgetAll(): void {
    this.epoch += 1;
    this.codes.clear();
    this.promotions.clear();
  }

  /** Live only while changes are being heard: entering or leaving that state starts from nothing. */
  setLive(isLive: boolean): void {
    this.isLive = isLive;
    this.forgetAll();
  }
}

function fresh<TValue>(map: Map<string, Entry<TValue>>, key: string): Entry<TValue> | undefined {
  const entry = map.get(key);
  if (entry === undefined) return undefined;
  if (performance.now() - entry.storedAt <= MAX_AGE_MS) return entry;
  map.delete(key);
  return undefined;
}

/** Insertion order is the eviction order: the oldest stored entry goes first. */
function setBounded<TValue>(map: Map<string, TValue>, key: string, value: TValue, max: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > max) {
    const oldest = map.keys().next();
    if (oldest.done !== true) map.delete(oldest.value);
  }
}
