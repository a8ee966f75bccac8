import { ApiProblemError, problemText } from '../api/api-error';

/** code-inventory's 409s on a group (their problem `type`), said to the merchant in words. */
export function describeGroupRefusal(error: unknown, groupId: string): string | null {
  if (!(error instanceof ApiProblemError) || error.status !== 409) return null;
  switch (error.type) {
    case '/problems/group-has-issued-codes':
      return `Group ${groupId} is in use: some of its codes were given to customers and not yet redeemed, so it cannot be deleted.`;
    case '/problems/group-not-empty':
      return `Group ${groupId} already holds codes, so its promotion cannot change.`;
    default:
      return `Group ${groupId} could not be changed: ${problemText(error)}`;
  }
}
