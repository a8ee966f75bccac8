import type { AnswerOf, RedemptionLedgerClient, RedemptionLedgerPaths } from '@promo/client';
import type { ExpectedOutcomes } from '../stream/expected-outcomes';
import type { StreamFacts } from '../stream/stream-facts';
import { type CheckResult, compare } from './check-result';
import { allPages } from './items-of';

/** One row of the ledger's `GET /v1/ledger`, as its OpenAPI document describes it. */
export type LedgerEntry = AnswerOf<RedemptionLedgerPaths, 'get', '/v1/ledger'>['items'][number];

/** The limits a code lives under, as the demo store set them up (streams README table). */
export interface CodeLimits {
  readonly promotionId: string;
  readonly total?: number;
  readonly perCustomer?: number;
  readonly perCode?: number;
}

const normalize = (code: string) => code.trim().toLowerCase();
const ACCEPTED = new Set(['committed', 'recorded', 'accepted']);

/**
 * L1–L3 against the recording (streams README, "the ledger check"): one decision per order carrying a
 * code; the limits re-applied over the ledger's own processing order give the same decisions; never
 * more live uses than a limit; only accepted uses of cancelled orders reversed, each once.
 */
export async function checkLedger(
  expected: ExpectedOutcomes,
  facts: StreamFacts,
  ledger: RedemptionLedgerClient,
  limitsByCodeKey: ReadonlyMap<string, CodeLimits>,
  winbackPool: ReadonlySet<string>,
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const codeKey = (code: string) => (winbackPool.has(normalize(code)) ? 'WINBACK' : code.trim().toUpperCase());
  for (const [key, limits] of limitsByCodeKey) {
    const carrying = [...facts.orders.values()].filter((o) => (o.codes ?? []).some((c) => codeKey(c) === key));
    results.push(compare(`${key}: orders carrying the code (stream vs expected file)`, expected.codes[key]?.orders ?? 0, carrying.length));
    const entries = (
      await allPages((cursor) => ledger.get('/v1/ledger', { query: { promotionId: limits.promotionId, limit: 500, ...(cursor === undefined ? {} : { cursor: Number(cursor) }) } }))
    )
      .filter((e) => e.orderId !== null)
      .sort((a, b) => Number(a.sequence) - Number(b.sequence));
    const decisions = entries.filter((e) => ACCEPTED.has(e.kind) || e.kind === 'rejected');
    const decidedOrders = decisions.map((d) => d.orderId ?? '');
    results.push(
      compare(`${key}: one decision per order (accepted + rejected = orders)`, [...carrying.map((o) => o.orderId)].sort(), [...decidedOrders].sort()),
    );
    results.push(...reapplyLimits(key, entries, limits));
    const accepted = new Set(decisions.filter((d) => ACCEPTED.has(d.kind)).map((d) => d.orderId));
    const reversed = entries.filter((e) => e.kind === 'reversed').map((e) => e.orderId ?? '');
    const shouldReverse = [...accepted].filter((id): id is string => id !== null && facts.cancelledOrderIds.has(id)).sort();
    results.push(compare(`${key}: reversed = accepted uses of cancelled orders, each once`, shouldReverse, [...reversed].sort()));
  }
  return results;
}

/** Replays the ledger's own order of decisions and reversals under the limits. */
function reapplyLimits(key: string, entries: readonly LedgerEntry[], limits: CodeLimits): CheckResult[] {
  let total = 0;
  let maxTotal = 0;
  const perCustomer = new Map<string, number>();
  const perCode = new Map<string, number>();
  let mismatches = 0;
  let overLimit = 0;
  for (const entry of entries) {
    const customer = entry.customerId ?? '';
    const code = normalize(entry.code ?? '');
    if (entry.kind === 'reversed') {
      total -= 1;
      perCustomer.set(customer, (perCustomer.get(customer) ?? 1) - 1);
      perCode.set(code, (perCode.get(code) ?? 1) - 1);
      continue;
    }
    if (!ACCEPTED.has(entry.kind) && entry.kind !== 'rejected') continue;
    const hasRoom =
      (limits.total === undefined || total < limits.total) &&
      (limits.perCustomer === undefined || customer === '' || (perCustomer.get(customer) ?? 0) < limits.perCustomer) &&
      (limits.perCode === undefined || (perCode.get(code) ?? 0) < limits.perCode);
    const isAccepted = ACCEPTED.has(entry.kind);
    if (hasRoom !== isAccepted) mismatches += 1;
    if (isAccepted) {
      total += 1;
      perCustomer.set(customer, (perCustomer.get(customer) ?? 0) + 1);
      perCode.set(code, (perCode.get(code) ?? 0) + 1);
      maxTotal = Math.max(maxTotal, total);
      if (
        (limits.total !== undefined && total > limits.total) ||
        (limits.perCustomer !== undefined && customer !== '' && (perCustomer.get(customer) ?? 0) > limits.perCustomer) ||
        (limits.perCode !== undefined && (perCode.get(code) ?? 0) > limits.perCode)
      ) {
        overLimit += 1;
      }
    }
  }
  return [
    compare(`${key}: limits re-applied over the ledger's order agree with every decision`, 0, mismatches),
    compare(`${key}: accepted uses beyond a limit at any point`, 0, overLimit),
  ];
}
