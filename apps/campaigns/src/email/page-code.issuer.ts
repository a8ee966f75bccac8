import { Injectable, Logger } from '@nestjs/common';
import { MAX_ISSUE_BATCH } from '@promo/contracts/http';
import { CodeInventoryClient } from '@promo/code-inventory-client';
import { EmailClaims } from './email-claims';
import { type CampaignsOfRound, EmailContentService } from './email-content.service';
import type { EmailEntity } from './email.entity';
import { codeMacrosOf } from './email-template-macros';
import type { CodeMacro } from './template.renderer';

/**
 * Codes issued per batch call: small enough that a page's first sends start soon, large enough that
 * code-inventory takes one transaction per hundred emails instead of one per email.
 */
const ISSUE_CHUNK = Math.min(100, MAX_ISSUE_BATCH);

/** An email whose fresh code can be issued ahead of its send, and the group it comes from. */
interface Wanted {
  readonly email: EmailEntity;
  readonly group: string;
}

/**
 * The macro whose code the email row keeps (its first `promocode`), when issuing it before the email is
 * built cannot change what the email shows: no `last_promocode` of the same group comes before it, as
 * that one must still show the code the customer had before this email.
 */
export function preIssuableMacro(macros: readonly CodeMacro[]): CodeMacro | null {
  const index = macros.findIndex((macro) => macro.mode === 'first');
  const fresh = macros[index];
  if (fresh === undefined) return null;
  return macros.slice(0, index).some((macro) => macro.mode === 'reissue' && macro.group === fresh.group) ? null : fresh;
}

/**
 * Issues, as a page of queued emails starts sending, the fresh codes its emails will show, in batches
 * per code group (code-inventory's `issue-batch`) instead of one call per email, and stores each batch's
 * codes on the email rows in one UPDATE, exactly where the per-email path stores its code (`code`,
 * `code_token`), so building the email and any retry find them there.
 *
 * The page is this replica's claimed emails (EmailClaims), and a customer's queued emails are claimed by one
 * replica at a time, so no other replica issues for the same customers meanwhile.
 *
 * Only where the answer is the one the email would get sent one by one: the first email of each
 * customer in the page (a later one may follow a `last_promocode` of an earlier email, which must not
 * see a code issued ahead), and only its first `promocode` (see preIssuableMacro). Everything else, and
 * everything when a batch fails, is left to the per-email path, which behaves as before: a group
 * that does not exist renders empty, code-inventory unavailable leaves the email queued.
 */
@Injectable()
export class PageCodeIssuer {
  private readonly logger = new Logger('emails');

  constructor(
    private readonly claims: EmailClaims,
    private readonly content: EmailContentService,
    private readonly codes: CodeInventoryClient,
  ) {}

  /**
   * Starts issuing the codes of `customersFirst` (each customer's first email of the page, in due order)
   * in batches of ISSUE_CHUNK, one after the other in that order, so the page's first sends need not wait
   * for its last codes. Answers, per email issued ahead, when its code is stored (or failed to be:
   * those promises never reject, the email then issues its own code).
   */
  async issueAhead(customersFirst: readonly EmailEntity[], campaigns: CampaignsOfRound): Promise<ReadonlyMap<string, Promise<void>>> {
    const chunks: { readonly group: string; readonly emails: EmailEntity[] }[] = [];
    const open = new Map<string, EmailEntity[]>();
    for (const { email, group } of await this.wanted(customersFirst, campaigns)) {
      let chunk = open.get(group);
      if (chunk === undefined || chunk.length >= ISSUE_CHUNK) {
        chunk = [];
        open.set(group, chunk);
        chunks.push({ group, emails: chunk });
      }
      chunk.push(email);
    }
    const ready = new Map<string, Promise<void>>();
    let previous: Promise<void> = Promise.resolve();
    for (const { group, emails } of chunks) {
      const issued = previous.then(() => this.issueBatch(group, emails));
      for (const email of emails) ready.set(email.emailId, issued);
      previous = issued;
    }
    return ready;
  }

  private async wanted(emails: readonly EmailEntity[], campaigns: CampaignsOfRound): Promise<Wanted[]> {
    const wanted: Wanted[] = [];
    for (const email of emails) {
      if (email.code) continue; // issued before (a retry): the email shows that one
      // A campaign or step that is gone fails the email on the per-email path, with its reason.
      const template = await this.content.templateOf(email, campaigns).catch(() => null);
      const macro = template ? preIssuableMacro(codeMacrosOf(template)) : null;
      if (macro) wanted.push({ email, group: macro.group });
    }
    return wanted;
  }

  private async issueBatch(group: string, emails: readonly EmailEntity[]): Promise<void> {
    try {
      const issued = await this.codes.issueFirstBatch(group, emails.map((email) => email.customerId));
      await this.store(emails.flatMap((email, index) => {
        const answer = issued[index];
        return answer?.code ? [{ email, code: answer.code, token: answer.token }] : [];
      }));
    } catch (error) {
      this.logger.warn({ err: error, group, emails: emails.length }, 'issuing codes ahead failed; these emails issue their own');
    }
  }

  /** One UPDATE for the chunk, into the columns the per-email path writes (on emails this replica still holds); then those rows in memory. */
  private async store(stored: readonly { readonly email: EmailEntity; readonly code: string; readonly token: string | null }[]): Promise<void> {
    if (stored.length === 0) return;
    const kept = await this.claims.storeCodes(stored.map(({ email, code, token }) => ({ emailId: email.emailId, code, token })));
    for (const { email, code, token } of stored) {
      if (!kept.has(email.emailId)) continue;
      email.code = code;
      email.codeToken = token;
    }
  }
}
