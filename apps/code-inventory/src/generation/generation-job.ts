import type { GenerationSpec } from './code-pattern';

export type GenerationState = 'queued' | 'running' | 'completed' | 'cancelled' | 'failed';

/** C3: a generation job's progress as `GET /v1/jobs/{id}` and its server-sent events show it. */
export interface GenerationProgress {
  readonly id: string;
  readonly groupId: string;
  readonly state: GenerationState;
  readonly total: number;
  readonly done: number;
  readonly collisions: number;
  /** Since the job (re)started in this run; null before it has inserted anything. */
  readonly codesPerSecond: number | null;
  readonly etaSeconds: number | null;
  readonly spec: GenerationSpec;
  readonly createdAt: string;
  readonly finishedAt: string | null;
  readonly error: string | null;
}

export interface GenerationJobRow {
  readonly id: string;
  readonly group_id: string;
  readonly spec: GenerationSpec;
  readonly total: string;
  readonly done: string;
  readonly collisions: string;
  readonly state: GenerationState;
  readonly error: string | null;
  readonly run_started_at: Date | null;
  readonly run_started_done: string;
  readonly created_at: Date;
  readonly finished_at: Date | null;
}

export const GENERATION_JOB_COLUMNS = 'id, group_id, spec, total, done, collisions, state, error, run_started_at, run_started_done, created_at, finished_at';

export function isTerminal(state: GenerationState): boolean {
  return state === 'completed' || state === 'cancelled' || state === 'failed';
}

export function toProgress(row: GenerationJobRow, now: Date): GenerationProgress {
  const total = Number(row.total);
  const done = Number(row.done);
  const sinceStart = row.run_started_at === null ? 0 : (now.getTime() - row.run_started_at.getTime()) / 1000;
  const doneThisRun = done - Number(row.run_started_done);
  const rate = row.state === 'running' && sinceStart > 0 && doneThisRun > 0 ? doneThisRun / sinceStart : null;
  return {
    id: row.id,
    groupId: row.group_id,
    state: row.state,
    total,
    done,
    collisions: Number(row.collisions),
    codesPerSecond: rate === null ? null : Math.round(rate),
    etaSeconds: rate === null ? (row.state === 'completed' ? 0 : null) : Math.ceil((total - done) / rate),
    spec: row.spec,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    error: row.error,
  };
}
