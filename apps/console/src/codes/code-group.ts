import type { AnswerOf, CodeInventoryPaths } from '@promo/client';

/** C6: a group of codes with its balances, as GET /v1/groups lists it. */
export type CodeGroup = AnswerOf<CodeInventoryPaths, 'get', '/v1/groups'>['groups'][number];

/** A generation job's progress: GET /v1/jobs/{id}, and the data of each `progress` event of its stream. */
export type GenerationProgress = AnswerOf<CodeInventoryPaths, 'get', '/v1/jobs/{id}'>;

/** C4: what an upload did (also the body of its 400/409, when it did nothing). */
export type UploadReport = AnswerOf<CodeInventoryPaths, 'post', '/v1/groups/{groupId}/codes/csv'>;

export function percentDone(progress: Pick<GenerationProgress, 'done' | 'total'>): number {
  return progress.total === 0 ? 100 : Math.floor((progress.done * 100) / progress.total);
}
