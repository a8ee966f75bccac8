/** C7/C10: code-inventory's answer to one issue (`POST /v1/groups/{groupId}/issue`, and each of `issue-batch`'s results). */
export interface IssueResult {
  readonly code: string | null;
  readonly issue: 'first' | 'repeat' | null;
  readonly token: string | null;
  readonly promotionId: string | null;
}

/** The most issues one `issue-batch` call takes: one transaction holds their code locks until it commits. */
export const MAX_ISSUE_BATCH = 500;
