export type DuplicateConflict =
  | { readonly source: 'file'; readonly line: number }
  | { readonly source: 'store'; readonly promotionId: string; readonly groupId: string | null };

/** C4: what an upload did, or why it did nothing. Lists are capped; the counts are complete. */
export interface UploadReport {
  readonly imported: number;
  readonly duplicates: readonly { readonly line: number; readonly code: string; readonly conflict: DuplicateConflict }[];
  readonly invalid: readonly { readonly line: number; readonly code: string; readonly reason: string }[];
  readonly duplicateCount: number;
  readonly invalidCount: number;
}

export const REPORT_LIST_LIMIT = 1000;
