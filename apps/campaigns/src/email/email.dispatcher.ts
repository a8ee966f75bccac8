import { CoalescingRounds } from '../scheduling/coalescing-rounds';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { OutboxWriter } from '@promo/messaging';
import { APP_CONFIG, CLOCK, type Clock } from '@promo/platform';
import { DataSource } from 'typeorm';
import type { CampaignsConfig } from '../config/env.schema';
import { CodeInventoryUnavailableError } from './code-inventory.client';
import { type CampaignsOfRound, EmailContentService } from './email-content.service';
import { EmailEntity } from './email.entity';
import { PageCodeIssuer } from './page-code.issuer';
import { PermanentSmtpError, SmtpSender } from './smtp.sender';

/**
 * Sends queued emails (K3), exactly once per idempotency record:
 *
 * The record (status `queued`) is committed by the decision before any send, so a redelivered event,
 * a second decision round or a restart finds it and never creates a second email. The send itself is
 * keyed by a Message-ID derived from the record's key. A crash after the SMTP server accepted the
 * message but before `sent` was committed leaves the record `queued`; on restart it is sent again
 * with the same Message-ID, so the duplicate is not unnoticed: the receiving side (and our own logs)
 * can drop it by Message-ID. We chose this at-least-once-on-the-wire, once-per-Message-ID behaviour
 * over marking the record sent before sending, which would silently lose the email in the same crash.
 * The window is the few milliseconds between the server's 250 reply and our commit.
 */
/**
 * Queued emails read per page. Large enough that the page's sends keep every one of SEND_CONCURRENCY
 * senders busy (a page ends when its slowest customer's emails are sent, so a small page idles most
 * senders at each page end).
 */
const PAGE_SIZE = 1_000;

@Injectable()
export class EmailDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('emails');
  private readonly inFlight = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private readonly rounds = new CoalescingRounds(() => this.sendQueued(), (error) => this.logger.warn({ err: error }, 'sending round failed; retrying on the next tick'));

  constructor(
    @Inject(APP_CONFIG) private readonly config: CampaignsConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly dataSource: DataSource,
    private readonly content: EmailContentService,
    private readonly smtp: SmtpSender,
    private readonly outbox: OutboxWriter,
    private readonly codesAhead: PageCodeIssuer,
  ) {}

  onApplicationBootstrap(): void {
    // Picks up what a crash left queued, and what was queued before a kick could be seen.
    this.timer = setInterval(() => this.kick(), Math.max(this.config.DECIDER_INTERVAL_MS, 200));
    this.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.rounds.stop();
  }

  kick(): void {
    this.rounds.request();
  }

  private async sendQueued(): Promise<void> {
    const campaigns: CampaignsOfRound = new Map();
    for (;;) {
      const queued = await this.dataSource.getRepository(EmailEntity).find({ where: { status: 'queued' }, order: { dueAt: 'ASC', emailId: 'ASC' }, take: PAGE_SIZE });
      const todo = queued.filter((email) => !this.inFlight.has(email.emailId));
      if (todo.length === 0) return;
      // One customer's emails go one after the other, in due order: a `last_promocode` must see the code
      // that an earlier email's `promocode` issued.
      const groups = new Map<string, EmailEntity[]>();
      for (const email of todo) groups.set(email.customerId, [...(groups.get(email.customerId) ?? []), email]);
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
            await this.sendOne(email, campaigns);
          }
        }
      });
      await Promise.all(workers);
      await Promise.all(codesReady.values()); // nothing of the page's is left running when the round ends
      if (this.rounds.isStopped || queued.length < PAGE_SIZE) return;
    }
  }

  private async sendOne(email: EmailEntity, campaigns: CampaignsOfRound): Promise<void> {
    this.inFlight.add(email.emailId);
    try {
      const built = await this.content.build(email, campaigns);
      const attempts = await this.smtp.send({
        to: email.recipient,
        subject: built.subject,
        text: built.text,
        messageId: email.messageId,
        headers: {
          'X-Campaign-Id': email.campaignId,
          'X-Campaign-Kind': email.kind,
          'X-Campaign-Step': String(email.step),
          'X-Customer-Id': email.customerId,
          'X-Cart-Id': email.cartId ?? '',
          'X-Due-At': email.dueAt.toISOString(),
          'List-Unsubscribe': `<${built.unsubscribeUrl}>`,
        },
      });
      const sentAt = this.clock.now();
      await this.dataSource.transaction(async (manager) => {
        await manager.query(`UPDATE emails SET status = 'sent', sent_at = $2, attempts = attempts + $3, subject = $4 WHERE email_id = $1`, [email.emailId, sentAt, attempts, built.subject]);
        await this.outbox.enqueue(manager, {
          type: 'campaigns.email-sent',
          key: email.customerId,
          data: { campaignId: email.campaignId, kind: email.kind, step: email.step, customerId: email.customerId, cartId: email.cartId, code: email.code, dueAt: email.dueAt.toISOString(), sentAt: sentAt.toISOString() },
        });
      });
    } catch (error) {
      if (error instanceof CodeInventoryUnavailableError) {
        this.logger.warn({ err: error, emailId: email.emailId }, 'code-inventory unavailable; the email stays queued');
      } else {
        const isPermanent = error instanceof PermanentSmtpError;
        this.logger.error({ err: error, emailId: email.emailId, campaignId: email.campaignId }, isPermanent ? 'SMTP refused the email' : 'email could not be built');
        await this.dataSource.query(`UPDATE emails SET status = 'failed', failure = $2 WHERE email_id = $1`, [email.emailId, error instanceof Error ? error.message : String(error)]);
      }
    } finally {
      this.inFlight.delete(email.emailId);
    }
  }
}
