import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG } from '@promo/platform';
import { createTransport, type Transporter } from 'nodemailer';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import type { CampaignsConfig } from '../config/env.schema';
import { connectWithoutDelay } from './smtp-socket';

export interface OutgoingEmail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  /** With `text`, one multipart/alternative message (#25). */
  readonly html: string;
  readonly messageId: string;
  readonly headers: Readonly<Record<string, string>>;
}

const TRANSIENT_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'ECONNREFUSED', 'ECONNRESET', 'EDNS']);

/** 4xx SMTP replies and connection failures are worth a retry; 5xx replies are final (RFC 5321 §4.2.1). */
export function isTransientSmtpError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const responseCode: unknown = Reflect.get(error, 'responseCode');
  if (typeof responseCode === 'number') return responseCode >= 400 && responseCode < 500;
  const code: unknown = Reflect.get(error, 'code');
  return typeof code === 'string' && TRANSIENT_CODES.has(code);
}

export class PermanentSmtpError extends Error {}

/** nodemailer over the configured SMTP server, retrying transient failures with exponential backoff (K3). */
@Injectable()
export class SmtpSender implements OnApplicationShutdown {
  private readonly logger = new Logger('smtp');
  private readonly transport: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: CampaignsConfig) {
    // One pooled connection per concurrent send, each kept for as many messages as it will take
    // (nodemailer's default reconnects every 100 messages, a handshake per 100 sends). The URL is parsed
    // here, not given as `url`: nodemailer then ignores every other option, so `pool` was lost and each
    // message opened (and closed) a connection of its own, ~100 ms of handshake per email (#9). The
    // connections are opened without Nagle's delay (see connectWithoutDelay).
    this.transport = createTransport({
      ...parseConnectionUrl(config.SMTP_URL),
      pool: true,
      maxConnections: config.SEND_CONCURRENCY,
      maxMessages: Number.POSITIVE_INFINITY,
      getSocket: connectWithoutDelay,
      // Each step of a conversation is bounded well inside a claim's lease (EMAIL_CLAIM_LEASE_MS), not by
      // nodemailer's defaults (up to 10 minutes of a silent server): a send outliving its claim could
      // meet another replica's send of the same email.
      connectionTimeout: config.SMTP_TIMEOUT_MS,
      greetingTimeout: config.SMTP_TIMEOUT_MS,
      socketTimeout: config.SMTP_TIMEOUT_MS,
    });
  }

  /** Resolves once the server accepted the message; throws PermanentSmtpError on a final refusal or after the last attempt. */
  async send(email: OutgoingEmail): Promise<number> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.transport.sendMail({ from: this.config.EMAIL_FROM, to: email.to, subject: email.subject, text: email.text, html: email.html, messageId: email.messageId, headers: { ...email.headers } });
        return attempt;
      } catch (error) {
        if (!isTransientSmtpError(error) || attempt >= this.config.SMTP_MAX_ATTEMPTS) {
          throw new PermanentSmtpError(`SMTP refused the message after ${attempt} attempt(s)`, { cause: error });
        }
        const waitMs = this.config.SMTP_RETRY_BASE_MS * 2 ** (attempt - 1);
        this.logger.warn({ err: error, attempt, waitMs }, 'transient SMTP failure; retrying');
        await new Promise((resolve) => setTimeout(resolve, waitMs));
      }
    }
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
