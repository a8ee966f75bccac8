export type LedgerEntryKind = 'reserved' | 'committed' | 'released' | 'expired' | 'rejected' | 'reversed';

/** One line of the append-only ledger (L3), as written. Amounts in minor units. */
export interface LedgerEntryInput {
  readonly kind: LedgerEntryKind;
  readonly orderId: string | null;
  readonly reservationId: string | null;
  readonly promotionId: string;
  readonly code: string | null;
  readonly codeKey: string | null;
  readonly customerId: string | null;
  readonly units: number;
  readonly reason: string | null;
  readonly discountAmount: number | null;
  readonly currency: string | null;
  readonly at: Date;
}

/** One line as the API shows it: `sequence` is the ledger's own processing order. */
export interface LedgerEntryView {
  readonly sequence: number;
  readonly kind: LedgerEntryKind;
  readonly orderId: string | null;
  readonly reservationId: string | null;
  readonly promotionId: string;
  readonly code: string | null;
  readonly customerId: string | null;
  readonly units: number;
  readonly reason: string | null;
  readonly discountAmount: number | null;
  readonly currency: string | null;
  readonly at: string;
}
