import { Inject, Injectable } from '@nestjs/common';
import { MAX_ISSUE_BATCH } from '@promo/contracts/http';
import { APP_CONFIG } from '@promo/platform';
import type { CampaignsConfig } from '../config/env.schema';
import { CodeInventoryBreaker } from './code-inventory-breaker';
import { PermanentEmailError } from './permanent-email.error';

export interface IssuedCode {
  readonly code: string | null;
  readonly token: string | null;
}

/** A failure worth retrying later (network, 5xx); anything else is permanent for this email. */
export class CodeInventoryUnavailableError extends Error {}

const NO_CODE: IssuedCode = { code: null, token: null };

function parseIssued(body: unknown): IssuedCode {
  if (typeof body !== 'object' || body === null) throw new Error('code-inventory answered a non-object');
  const code: unknown = Reflect.get(body, 'code');
  const token: unknown = Reflect.get(body, 'token');
  return { code: typeof code === 'string' ? code : null, token: typeof token === 'string' ? token : null };
}

function parseBatch(body: unknown, expected: number): IssuedCode[] {
  const results: unknown = typeof body === 'object' && body !== null ? Reflect.get(body, 'results') : undefined;
  if (!Array.isArray(results) || results.length !== expected) throw new Error(`code-inventory answered a batch of ${expected} without ${expected} results`);
  return results.map(parseIssued);
}

/**
 * code-inventory's `POST /v1/groups/{groupId}/issue` and `/issue-batch` (internal-apis): the codes
 * emails carry, always bound to their customer. A group that does not exist answers no code (seed 001).
 *
 * Every call has a timeout (CODE_INVENTORY_TIMEOUT_MS, the answer's body included) and goes through a
 * circuit breaker (ARCHITECTURE.md "Synchronous calls"); a call timed out, refused by the open breaker
 * or answered 5xx/429 is CodeInventoryUnavailableError: the email stays queued and a later round sends it.
 * No retry within the call: an issue is not idempotent (a retry after a lost answer would take a second
 * code), and the email's next round is the retry, with the dispatcher's interval as its backoff.
 */
@Injectable()
export class CodeInventoryClient {
  readonly breaker: CodeInventoryBreaker;

  constructor(@Inject(APP_CONFIG) private readonly config: CampaignsConfig) {
    this.breaker = new CodeInventoryBreaker(config.CODE_INVENTORY_BREAKER_THRESHOLD, config.CODE_INVENTORY_BREAKER_OPEN_MS);
  }

  async issue(groupId: string, customerId: string, mode: 'first' | 'reissue'): Promise<IssuedCode> {
    const body = await this.post(groupId, 'issue', { customerId, mode, bindToCustomer: true });
    return body === null ? NO_CODE : parseIssued(body);
  }

  /** First issues for these customers, answered in their order; code-inventory answers them as if made one after the other. */
  async issueFirstBatch(groupId: string, customerIds: readonly string[]): Promise<IssuedCode[]> {
    if (customerIds.length > MAX_ISSUE_BATCH) throw new Error(`at most ${MAX_ISSUE_BATCH} issues per batch, got ${customerIds.length}`);
    const body = await this.post(groupId, 'issue-batch', { requests: customerIds.map((customerId) => ({ customerId, mode: 'first', bindToCustomer: true })) });
    return body === null ? customerIds.map(() => NO_CODE) : parseBatch(body, customerIds.length);
  }

  /** The answer's JSON body, or null when the group does not exist. */
  private async post(groupId: string, action: 'issue' | 'issue-batch', body: unknown): Promise<unknown> {
    if (this.breaker.admit() === 'refuse') throw new CodeInventoryUnavailableError('code-inventory circuit open: not called');
    let response: Response;
    let answer: unknown;
    try {
      response = await fetch(`${this.config.CODE_INVENTORY_URL}/v1/groups/${encodeURIComponent(groupId)}/${action}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': this.config.CODE_INVENTORY_API_KEY },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.config.CODE_INVENTORY_TIMEOUT_MS),
      });
      answer = response.ok ? await response.json() : await response.text();
    } catch (error) {
      this.breaker.recordUnavailable();
      // AbortSignal.timeout's DOMException (not always an instance of this realm's Error).
      const timedOut = typeof error === 'object' && error !== null && Reflect.get(error, 'name') === 'TimeoutError';
      throw new CodeInventoryUnavailableError(timedOut ? `code-inventory did not answer within ${this.config.CODE_INVENTORY_TIMEOUT_MS} ms` : 'code-inventory is unreachable', { cause: error });
    }
    if (response.status >= 500 || response.status === 429) {
      this.breaker.recordUnavailable();
      throw new CodeInventoryUnavailableError(`code-inventory answered ${response.status}`);
    }
    this.breaker.recordAnswered();
    if (response.status === 404) return null;
    if (!response.ok) throw new PermanentEmailError(`code-inventory refused the issue: ${response.status}`);
    return answer;
  }
}
