/** A generation job's progress (GET /v1/jobs/:id and its events). */
export interface GenerationProgress {
  readonly id: string;
  readonly groupId: string;
  readonly state: string;
  readonly total: number;
  readonly done: number;
  readonly collisions: number;
  readonly codesPerSecond: number | null;
  readonly etaSeconds: number | null;
  readonly error: string | null;
}

/** C4: what an upload did or why it did nothing (also the body of its 400/409). */
export interface UploadReport {
  readonly imported: number;
  readonly duplicates: readonly { readonly line: number; readonly code: string }[];
  readonly invalid: readonly { readonly line: number; readonly code: string; readonly reason: string }[];
  readonly duplicateCount: number;
  readonly invalidCount: number;
}

export function percentDone(progress: Pick<GenerationProgress, 'done' | 'total'>): number {
  return progress.total === 0 ? 100 : Math.floor((progress.done * 100) / progress.total);
}
