import { Inject, Injectable } from '@nestjs/common';
import type { CodeLookupAnswer } from '@promo/contracts/http';
import { CLOCK, type Clock, NotFoundError } from '@promo/platform';
import type { Pool } from 'pg';
import { PG_POOL } from '../database/pg-pool.provider';
import { CodeTokenSigner } from '../issuing/code-token.signer';
import { type CachedCode, CodeLookupCache } from './code-lookup.cache';
import { effectiveCodeState, isStoredCodeState, type PromotionValidity } from './code-state';
import { normalizeCode } from '@promo/pricing-engine';
import { CODE_PATTERN } from './storable-code';

interface LookupRow {
  readonly code: string;
  readonly promotion_id: string;
  readonly group_id: string | null;
  readonly state: string;
  readonly is_hidden: boolean;
  readonly bound_customer_id: string | null;
  readonly is_enabled: boolean | null;
  readonly is_deleted: boolean | null;
  readonly starts_at: Date | null;
  readonly ends_at: Date | null;
}

// On a cache miss: one probe of the unique index on lower(code) plus the promotion's primary key; a
// named statement is planned once per connection.
const LOOKUP = {
  name: 'code-inventory.lookup-code',
  text: `SELECT c.code, c.promotion_id, c.group_id, c.state, c.is_hidden, c.bound_customer_id,
                p.is_enabled, p.is_deleted, p.starts_at, p.ends_at
           FROM codes c LEFT JOIN promotions p ON p.promotion_id = c.promotion_id
          WHERE lower(c.code) = $1`,
};

/** The storefront's and pricing's lookup of a typed code (C2, C8, C9, C10; docs/internal-apis.md); its hot path (p99 ≤ 2 ms) is answered from CodeLookupCache. */
@Injectable()
export class CodeLookupService {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly signer: CodeTokenSigner,
    private readonly cache: CodeLookupCache,
  ) {}

  async lookup(typed: string, customerId: string | undefined, token: string | undefined): Promise<CodeLookupAnswer> {
    const normalized = normalizeCode(typed);
    if (!CODE_PATTERN.test(normalized)) throw new NotFoundError(`no code ${JSON.stringify(typed)}`);
    const found = this.cache.get(normalized) ?? (await this.read(normalized));
    if (found === undefined) throw new NotFoundError(`no code ${JSON.stringify(typed)}`);
    const { code, promotion } = found;
    return {
      code: code.code,
      normalizedCode: normalized,
      promotionId: code.promotionId,
      groupId: code.groupId,
      // C9: the promotion's window is applied at every lookup, never cached.
      state: effectiveCodeState(code.state, promotion, this.clock.now()),
      hidden: code.hidden,
      isBound: code.boundCustomerId !== null,
      tokenValid: token === undefined ? null : this.signer.verify(token, normalized, customerId ?? null),
    };
  }

  private async read(normalized: string): Promise<{ readonly code: CachedCode; readonly promotion: PromotionValidity | null } | undefined> {
    const readEpoch = this.cache.startRead();
    const { rows } = await this.pool.query<LookupRow>({ ...LOOKUP, values: [normalized] });
    const row = rows[0];
    if (row === undefined || !isStoredCodeState(row.state)) return undefined;
    const code: CachedCode = { code: row.code, promotionId: row.promotion_id, groupId: row.group_id, state: row.state, hidden: row.is_hidden, boundCustomerId: row.bound_customer_id };
    const promotion =
      row.is_enabled === null || row.is_deleted === null ? null : { isEnabled: row.is_enabled, isDeleted: row.is_deleted, startsAt: row.starts_at, endsAt: row.ends_at };
    this.cache.store(normalized, code, promotion, readEpoch);
    return { code, promotion };
  }
}
