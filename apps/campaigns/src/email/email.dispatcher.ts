import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { OutboxWriter } from '@promo/messaging';
import { APP_CONFIG, CLOCK, type Clock, CoalescingRounds, PeriodicTask } from '@promo/platform';
import { DataSource } from 'typeorm';
import type { CampaignsConfig } from '../config/env.schema';
import { CodeInventoryRefusedError, CodeInventoryUnavailableError } from '@promo/code-inventory-client';
import { normaliseAddress } from './email-address';
import { EmailClaims } from './email-claims';
import { type CampaignsOfRound, type EmailContent, EmailContentService } from './email-content.service';
import { EmailEntity } from './email.entity';
import { PageCodeIssuer } from './page-code.issuer';
import { PermanentEmailError } from './permanent-email.error';
import { PermanentSmtpError, SmtpSender } from './smtp.sender';

/**
 * Sends queued emails (K3), exactly once per idempotency record, from any number of replicas:
 *
 * The record (status `queued`) is committed by the decision before any send, so a redelivered event,
 * a second decision round or a restart finds it and never creates a second email. The send itself is
 * keyed by a Message-ID derived from the record's key. A crash after the SMTP server accepted the
 * message but before `sent` was committed leaves the record `queued`; on restart it is sent again
 * with the same Message-ID, so the duplicate is not unnoticed: the receiving side (and our own logs)
 * can drop it by Message-ID. We chose this at-least-once-on-the-wire, once-per-Message-ID behaviour
 * over marking the record sent before sending, which would silently lose the email in the same crash.
 * The window is the few milliseconds between the server's 250 reply and our commit.
 *
 * Replicas (#18): a round sends only what it claimed for this replica (EmailClaims): a page of queued
 * emails taken in one statement, under an advisory lock, with a lease in Postgres time. A customer's
 * queued emails are claimed by one replica at a time and sent one after the other in due order, so a
 * `last_promocode` sees the code an earlier email's `promocode` issued, whichever replica sent that one.
 * Right before its SMTP send an email's claim is confirmed and renewed, and skipped when lost; it is
 * recorded sent only while still queued and this replica's. Held claims are renewed every third of
 * EMAIL_CLAIM_LEASE_MS, and each page gives back what it left unsent (code-inventory unavailable,
 * shutdown). Claims of a replica killed mid-page expire after the lease; another replica then sends
 * those emails, with the same Message-ID.
 */
/**
 * Queued emails claimed per page. Large enough that the page's sends keep every one of SEND_CONCURRENCY
 * senders busy (a page ends when its slowest customer's emails are sent, so a small page idles most
 * senders at each page end).
 */
const PAGE_SIZE = 1_000;

/** Commits of a sent email tried before it is left queued (to be sent again), and the back-off before the second. */
const SENT_COMMIT_ATTEMPTS = 4;
const SENT_COMMIT_BACKOFF_MS = 100;

/** The longest back-off between two attempts at an email that failed for a passing reason. */
const MAX_RETRY_DELAY_MS = 15 * 60_000;

/** What became of one email of a page: `done` (sent or failed for good) or `kept` (still queued: its customer's later emails wait). */
type SendOutcome = 'done' | 'kept';

@Injectable()
export class EmailDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('emails');
  /** Picks up what a crash (of any replica, once its claims expire) left queued, and what was queued before a kick could be seen. */
  private readonly tick: PeriodicTask;
  private readonly rounds = new CoalescingRounds(() => this.sendQueued(), (error) => this.logger.warn({ err: error }, 'sending round failed; retrying on the next tick'));
  private readonly leaseRenewal: PeriodicTask;

  constructor(
    @Inject(APP_CONFIG) private readonly config: CampaignsConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly dataSource: DataSource,
    private readonly content: EmailContentService,
    private readonly smtp: SmtpSender,
    private readonly outbox: OutboxWriter,
    private readonly codesAhead: PageCodeIssuer,
    private readonly claims: EmailClaims,
  ) {
    this.tick = new PeriodicTask(Math.max(config.DECIDER_INTERVAL_MS, 200), () => this.kick());
    this.leaseRenewal = new PeriodicTask(Math.max(Math.floor(config.EMAIL_CLAIM_LEASE_MS / 3), 50), () =>
      this.claims.renewAll().catch((error: unknown) => this.logger.warn({ err: error }, 'renewing the email claims failed; retrying on the next tick')),
    );
  }

  onApplicationBootstrap(): void {
    this.tick.start();
    this.leaseRenewal.start();
    this.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.tick.stop();
    await this.rounds.stop(); // the page in hand gives back its unsent emails as it ends
    await this.leaseRenewal.stop();
  }

  kick(): void {
    this.rounds.request();
  }

  private async sendQueued(): Promise<void> {
    const campaigns: CampaignsOfRound = new Map();
    for (;;) {
      const claimed = await this.claims.claimPage(PAGE_SIZE);
      if (claimed.length === 0) return;
      try {
        await this.sendPage(claimed, campaigns);
      } finally {
        await this.claims.releaseUnsent();
      }
      if (this.rounds.isStopped || claimed.length < PAGE_SIZE) return;
    }
  }

  /** `claimed` in due order: each customer's emails one after the other, customers SEND_CONCURRENCY at a time. */
  private async sendPage(claimed: readonly EmailEntity[], campaigns: CampaignsOfRound): Promise<void> {
    // One customer's emails go one after the other, in due order: a `last_promocode` must see the code
    // that an earlier email's `promocode` issued.
    const groups = new Map<string, EmailEntity[]>();
    for (const email of claimed) groups.set(email.customerId, [...(groups.get(email.customerId) ?? []), email]);
    const byCustomer = [...groups.values()];
    // The page's fresh codes in a few batch calls instead of one call per email (#9); what cannot be
    // issued ahead without changing what an email shows is issued by its own build, as before.
    // An email issued ahead waits for its batch, never longer.
    const codesReady = await this.codesAhead.issueAhead(byCustomer.flatMap((emails) => emails.slice(0, 1)), campaigns);
    let next = 0;
    const workers = Array.from({ length: this.config.SEND_CONCURRENCY }, async () => {
      while (next < byCustomer.length && !this.rounds.isStopped) {
        const emails = byCustomer[next] ?? [];
        next += 1;
        for (const email of emails) {
          if (this.rounds.isStopped) break;
          await codesReady.get(email.emailId);
          // A customer's later emails never overtake one left queued: they go after it, in a later round.
          if ((await this.sendOne(email, campaigns)) === 'kept') break;
        }
      }
    });
    await Promise.all(workers);
    await Promise.all(codesReady.values()); // nothing of the page's is left running when the round ends
  }

  private async sendOne(email: EmailEntity, campaigns: CampaignsOfRound): Promise<SendOutcome> {
    let built: EmailContent;
    let attempts: number;
    try {
      // Normalised when decided; a row queued before recipients were normalised is checked here.
      const to = normaliseAddress(email.recipient);
      if (to === null) throw new PermanentEmailError('the recipient is not exactly one email address');
      built = await this.content.build(email, campaigns);
      if (!(await this.claims.confirm(email.emailId))) {
        this.logger.warn({ emailId: email.emailId }, 'the claim on the email was lost before its send; the replica holding it now sends it');
        return 'kept';
      }
      attempts = await this.smtp.send({
        to,
        subject: built.subject,
        text: built.text,
        html: built.html,
        messageId: email.messageId,
        headers: {
          'X-Campaign-Id': email.campaignId,
          'X-Campaign-Kind': email.kind,
          'X-Campaign-Step': String(email.step),
          'X-Customer-Id': email.customerId,
          'X-Cart-Id': email.cartId ?? '',
          'X-Due-At': email.dueAt.toISOString(),
          'List-Unsubscribe': `<${built.unsubscribeUrl}>`,
          // RFC 8058: mail clients unsubscribe with one POST to that URL, no page to visit.
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
      });
    } catch (error) {
      return this.afterFailedAttempt(email, error);
    }
    return this.recordSent(email, built, attempts);
  }

  /**
   * Before the SMTP server accepted the email: a permanent reason fails it; code-inventory unavailable leaves
   * it queued for the next round; anything else (a database error, the unexpected) is tried again after a
   * back-off, until EMAIL_MAX_ATTEMPTS.
   */
  private async afterFailedAttempt(email: EmailEntity, error: unknown): Promise<SendOutcome> {
    if (error instanceof CodeInventoryUnavailableError) {
      this.logger.warn({ err: error, emailId: email.emailId }, 'code-inventory unavailable; the email stays queued');
      return 'kept';
    }
    const reason = error instanceof Error ? error.message : String(error);
    // code-inventory refusing the issue (a 4xx) is permanent for this email: the same request would be refused again.
    if (error instanceof PermanentSmtpError || error instanceof PermanentEmailError || error instanceof CodeInventoryRefusedError) {
      this.logger.error({ err: error, emailId: email.emailId, campaignId: email.campaignId }, error instanceof PermanentSmtpError ? 'SMTP refused the email' : 'the email cannot be sent');
      await this.claims.markFailed(email.emailId, reason);
      return 'done';
    }
    const status = await this.claims.deferAfterFailure(email.emailId, reason, {
      maxAttempts: this.config.EMAIL_MAX_ATTEMPTS,
      baseDelayMs: this.config.EMAIL_RETRY_BASE_MS,
      maxDelayMs: MAX_RETRY_DELAY_MS,
    });
    this.logger.warn({ err: error, emailId: email.emailId, status }, status === 'failed' ? 'the email failed on its last attempt' : 'the email failed for now; it is tried again later');
    return status === 'failed' ? 'done' : 'kept';
  }

  /**
   * After the SMTP server accepted the email: records it sent, trying the commit again on a database error.
   * Never marks it failed (it was sent). When no commit gets through, the email stays queued: a later round
   * sends it again with the same Message-ID, the at-least-once on the wire described above.
   */
  private async recordSent(email: EmailEntity, built: EmailContent, attempts: number): Promise<SendOutcome> {
    const sentAt = this.clock.now();
    for (let commit = 1; ; commit += 1) {
      try {
        await this.dataSource.transaction(async (manager) => {
          if (!(await this.claims.markSent(manager, { emailId: email.emailId, sentAt, attempts, subject: built.subject }))) {
            // Only when the claim expired during the send (no renewal got through): the replica that took it
            // over sends it again, with the same Message-ID, and records that send.
            this.logger.warn({ emailId: email.emailId, messageId: email.messageId }, 'the email was sent after its claim was taken over; not recorded twice');
            return;
          }
          await this.outbox.enqueue(manager, {
            type: 'campaigns.email-sent',
            key: email.customerId,
            data: { campaignId: email.campaignId, kind: email.kind, step: email.step, customerId: email.customerId, cartId: email.cartId, code: email.code, dueAt: email.dueAt.toISOString(), sentAt: sentAt.toISOString() },
          });
        });
        return 'done';
      } catch (error) {
        if (commit >= SENT_COMMIT_ATTEMPTS) {
          this.logger.error({ err: error, emailId: email.emailId, messageId: email.messageId }, 'the email was sent but could not be recorded; it stays queued and is sent again with the same Message-ID');
          return 'kept';
        }
        this.logger.warn({ err: error, emailId: email.emailId, commit }, 'recording a sent email failed; trying again');
        await new Promise((resolve) => setTimeout(resolve, SENT_COMMIT_BACKOFF_MS * 2 ** (commit - 1)));
      }
    }
  }
}
