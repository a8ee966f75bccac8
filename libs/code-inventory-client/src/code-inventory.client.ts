import { Logger } from '@nestjs/common';
import { activeTraceHeaders } from '@promo/platform';
import { ApiProblemError, ApiTimeoutError, type CodeInventoryClient as CodeInventoryApi, createCodeInventoryClient } from '@promo/client';
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
  /**
   * The typed client of code-inventory's OpenAPI document (each call with the active span's `traceparent` while
   * tracing is on, #24, so code-inventory's span continues the caller's trace), one attempt per call: the timeout is per attempt, and
   * the lookup's retries (on any 5xx) and the breaker are this class's.
   */
  private readonly api: CodeInventoryApi;

  constructor(private readonly options: CodeInventoryClientOptions) {
    this.breaker = new CircuitBreaker(options.breakerThreshold, options.breakerOpenMs, options.nowMs);
    this.api = createCodeInventoryClient({ baseUrl: options.baseUrl, apiKey: options.apiKey, timeoutMs: options.timeoutMs, retries: 0 });
  }

  /**
   * `GET /v1/codes/{code}`: idempotent, so transport errors, timeouts and 5xx are tried again up to `lookupRetries`
   * times. Never throws: any failure is `unavailable`, and the caller degrades (a refused 4xx is `unavailable` too,
   * without counting against the breaker).
   */
  async lookup(code: string, customerId: string | null, token: string | null): Promise<CodeLookupOutcome> {
    if (this.breaker.admit() === 'refuse') return { kind: 'unavailable' };
    const query = { ...(customerId === null ? {} : { customerId }), ...(token === null ? {} : { token }) };
    for (let attempt = 0; attempt <= this.options.lookupRetries; attempt += 1) {
      const outcome = await this.lookupAttempt(code, query);
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
    const body = await this.post(() => this.api.post('/v1/groups/{groupId}/issue', { path: { groupId }, body: { customerId, mode, bindToCustomer: true }, headers: traceHeaders() }));
    if (body === null) return NO_CODE;
    const result = parseIssueResult(body);
    if (result === undefined) throw new Error('code-inventory answered an issue in an unexpected shape');
    return result;
  }

  /** `POST /v1/groups/{groupId}/issue-batch`: first issues for these customers, answered in their order, as if made one after the other. */
  async issueFirstBatch(groupId: string, customerIds: readonly string[]): Promise<IssueResult[]> {
    if (customerIds.length > MAX_ISSUE_BATCH) throw new Error(`at most ${MAX_ISSUE_BATCH} issues per batch, got ${customerIds.length}`);
    const requests = customerIds.map((customerId) => ({ customerId, mode: 'first' as const, bindToCustomer: true }));
    const body = await this.post(() => this.api.post('/v1/groups/{groupId}/issue-batch', { path: { groupId }, body: { requests }, headers: traceHeaders() }));
    if (body === null) return customerIds.map(() => NO_CODE);
    const results = parseIssueBatchAnswer(body, customerIds.length);
    if (results === undefined) throw new Error(`code-inventory answered a batch of ${customerIds.length} without ${customerIds.length} results`);
    return results;
  }

  private async lookupAttempt(code: string, query: { readonly customerId?: string; readonly token?: string }): Promise<LookupAttempt> {
    const path = '/v1/codes/{code}';
    try {
      const record = parseCodeLookupAnswer(await this.api.get(path, { path: { code }, query, headers: traceHeaders() }));
      if (record === undefined) {
        this.logger.error({ path }, 'code-inventory answered a lookup in an unexpected shape');
        return { kind: 'unavailable' };
      }
      return { kind: 'found', record };
    } catch (error) {
      if (!(error instanceof ApiProblemError)) {
        this.logger.warn({ err: error, path }, 'code-inventory lookup attempt failed');
        return 'retry';
      }
      if (error.status === 404) return { kind: 'not_found' };
      if (error.status >= 500) return 'retry';
      if (error.status === 401 || error.status === 403) {
        // Retrying will not help; say so loudly (a wrong key is an operator's problem).
        this.logger.error({ status: error.status, path }, 'code-inventory refused the lookup key');
        return 'refused';
      }
      // 400 (what a shopper sent), 429 (too many lookups): retrying will not help either.
      this.logger.warn({ status: error.status, path }, 'code-inventory refused the lookup');
      return 'refused';
    }
  }

  /** The answer's JSON body, or null when the group does not exist. */
  private async post(call: () => Promise<unknown>): Promise<unknown> {
    if (this.breaker.admit() === 'refuse') throw new CodeInventoryUnavailableError('code-inventory circuit open: not called');
    let answer: unknown;
    try {
      answer = await call();
    } catch (error) {
      if (!(error instanceof ApiProblemError)) {
        this.breaker.recordUnavailable();
        const timedOut = error instanceof ApiTimeoutError;
        throw new CodeInventoryUnavailableError(timedOut ? `code-inventory did not answer within ${this.options.timeoutMs} ms` : 'code-inventory is unreachable', { cause: error });
      }
      if (error.status >= 500 || error.status === 429) {
        // For an issue, 429 means code-inventory cannot serve this caller now: the email waits like on a 5xx.
        this.breaker.recordUnavailable();
        throw new CodeInventoryUnavailableError(`code-inventory answered ${error.status}`);
      }
      this.breaker.recordAnswered();
      if (error.status === 404) return null;
      throw new CodeInventoryRefusedError(`code-inventory refused the issue: ${error.status}`);
    }
    this.breaker.recordAnswered();
    return answer;
  }
}

/** The active span's `traceparent` while tracing is on (#24): code-inventory's span continues the caller's trace. */
function traceHeaders(): Readonly<Record<string, string>> {
  return { ...activeTraceHeaders() };
}
