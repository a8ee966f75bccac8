import { Logger } from '@nestjs/common';
import { activeTraceHeaders } from '@promo/platform';
import { type IssueResult, MAX_ISSUE_BATCH, parseCodeLookupAnswer, parseIssueBatchAnswer, parseIssueResult } from '@promo/contracts/http';
import { CircuitBreaker } from './circuit-breaker';
import type { CodeInventoryClientOptions } from './code-inventory-client.options';
import { CodeInventoryRefusedError, CodeInventoryUnavailableError } from './code-inventory.errors';
import type { CodeLookupOutcome } from './code-lookup.outcome';

/** One lookup attempt's outcome: a final answer, a refusal of this request, or worth another attempt. */
type LookupAttempt = CodeLookupOutcome | 'refused' | 'retry';

/** What a group that does not exist answers (404): no code (seed 001). */
const NO_CODE: IssueResult = { code: null, issue: null, token: null, promotionId: null };

/**
 * The one client of code-inventory's synchronous API (docs/internal-apis.md), used by pricing (lookups) and campaigns
 * (issues). Every attempt has a timeout; one circuit breaker per process covers every call. Only unavailability
 * counts against the breaker: a 4xx answers one request's input, and counting it let one shopper's request open the
 * breaker for every bulk code on the replica (#19 hole 3).
 */
export class CodeInventoryClient {
  readonly breaker: CircuitBreaker;
  private readonly logger = new Logger('code-inventory-client');

  constructor(private readonly options: CodeInventoryClientOptions) {
    this.breaker = new CircuitBreaker(options.breakerThreshold, options.breakerOpenMs, options.nowMs);
  }

  /**
   * `GET /v1/codes/{code}`: idempotent, so transport errors, timeouts and 5xx are tried again up to `lookupRetries`
   * times. Never throws: any failure is `unavailable`, and the caller degrades (a refused 4xx is `unavailable` too,
   * without counting against the breaker).
   */
  async lookup(code: string, customerId: string | null, token: string | null): Promise<CodeLookupOutcome> {
    if (this.breaker.admit() === 'refuse') return { kind: 'unavailable' };
    const url = this.urlOf(`/v1/codes/${encodeURIComponent(code)}`);
    if (customerId !== null) url.searchParams.set('customerId', customerId);
    if (token !== null) url.searchParams.set('token', token);
    for (let attempt = 0; attempt <= this.options.lookupRetries; attempt += 1) {
      const outcome = await this.lookupAttempt(url);
      if (outcome === 'refused') {
        this.breaker.recordAnswered();
        return { kind: 'unavailable' };
      }
      if (outcome !== 'retry') {
        if (outcome.kind === 'unavailable') this.breaker.recordUnavailable();
        else this.breaker.recordAnswered();
        return outcome;
      }
    }
    this.breaker.recordUnavailable();
    return { kind: 'unavailable' };
  }

  /**
   * `POST /v1/groups/{groupId}/issue`: one code for the customer, always bound to them. Not retried within the call:
   * an issue is not idempotent (a retry after a lost answer would take a second code), so the caller's next round is
   * the retry. Throws CodeInventoryUnavailableError (try later), CodeInventoryRefusedError (permanent for this request) or,
   * for an answer in a shape not agreed, a plain Error.
   */
  async issue(groupId: string, customerId: string, mode: 'first' | 'reissue'): Promise<IssueResult> {
    const body = await this.post(groupId, 'issue', { customerId, mode, bindToCustomer: true });
    if (body === null) return NO_CODE;
    const result = parseIssueResult(body);
    if (result === undefined) throw new Error('code-inventory answered an issue in an unexpected shape');
    return result;
  }

  /** `POST /v1/groups/{groupId}/issue-batch`: first issues for these customers, answered in their order, as if made one after the other. */
  async issueFirstBatch(groupId: string, customerIds: readonly string[]): Promise<IssueResult[]> {
    if (customerIds.length > MAX_ISSUE_BATCH) throw new Error(`at most ${MAX_ISSUE_BATCH} issues per batch, got ${customerIds.length}`);
    const body = await this.post(groupId, 'issue-batch', { requests: customerIds.map((customerId) => ({ customerId, mode: 'first', bindToCustomer: true })) });
    if (body === null) return customerIds.map(() => NO_CODE);
    const results = parseIssueBatchAnswer(body, customerIds.length);
    if (results === undefined) throw new Error(`code-inventory answered a batch of ${customerIds.length} without ${customerIds.length} results`);
    return results;
  }

  private async lookupAttempt(url: URL): Promise<LookupAttempt> {
    try {
      const response = await fetch(url, { headers: this.headers(), signal: AbortSignal.timeout(this.options.timeoutMs) });
      if (response.status === 404) {
        await response.body?.cancel();
        return { kind: 'not_found' };
      }
      if (response.status >= 500) {
        await response.body?.cancel();
        return 'retry';
      }
      if (response.status !== 200) {
        await response.body?.cancel();
        if (response.status === 401 || response.status === 403) {
          // Retrying will not help; say so loudly (a wrong key is an operator's problem).
          this.logger.error({ status: response.status, path: url.pathname }, 'code-inventory refused the lookup key');
          return 'refused';
        }
        // 400 (what a shopper sent), 429 (too many lookups): retrying will not help either.
        this.logger.warn({ status: response.status, path: url.pathname }, 'code-inventory refused the lookup');
        return response.status >= 400 ? 'refused' : { kind: 'unavailable' };
      }
      const record = parseCodeLookupAnswer(await response.json());
      if (record === undefined) {
        this.logger.error({ path: url.pathname }, 'code-inventory answered a lookup in an unexpected shape');
        return { kind: 'unavailable' };
      }
      return { kind: 'found', record };
    } catch (error) {
      this.logger.warn({ err: error, path: url.pathname }, 'code-inventory lookup attempt failed');
      return 'retry';
    }
  }

  /** The answer's JSON body, or null when the group does not exist. */
  private async post(groupId: string, action: 'issue' | 'issue-batch', body: unknown): Promise<unknown> {
    if (this.breaker.admit() === 'refuse') throw new CodeInventoryUnavailableError('code-inventory circuit open: not called');
    let response: Response;
    let answer: unknown;
    try {
      response = await fetch(this.urlOf(`/v1/groups/${encodeURIComponent(groupId)}/${action}`), {
        method: 'POST',
        headers: { ...this.headers(), 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      answer = response.ok ? await response.json() : await response.text();
    } catch (error) {
      this.breaker.recordUnavailable();
      // AbortSignal.timeout's DOMException (not always an instance of this realm's Error).
      const timedOut = typeof error === 'object' && error !== null && Reflect.get(error, 'name') === 'TimeoutError';
      throw new CodeInventoryUnavailableError(timedOut ? `code-inventory did not answer within ${this.options.timeoutMs} ms` : 'code-inventory is unreachable', { cause: error });
    }
    if (response.status >= 500 || response.status === 429) {
      // For an issue, 429 means code-inventory cannot serve this caller now: the email waits like on a 5xx.
      this.breaker.recordUnavailable();
      throw new CodeInventoryUnavailableError(`code-inventory answered ${response.status}`);
    }
    this.breaker.recordAnswered();
    if (response.status === 404) return null;
    if (!response.ok) throw new CodeInventoryRefusedError(`code-inventory refused the issue: ${response.status}`);
    return answer;
  }

  /** Below the base URL's own path, if it has one (a gateway's prefix). */
  private urlOf(path: string): URL {
    return new URL(`${this.options.baseUrl.replace(/\/+$/, '')}${path}`);
  }

  /** With the active span's `traceparent` while tracing is on (#24): code-inventory's span continues the caller's trace. */
  private headers(): Record<string, string> {
    return { 'x-api-key': this.options.apiKey, accept: 'application/json', ...activeTraceHeaders() };
  }
}
