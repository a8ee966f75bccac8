import { Column, Entity, PrimaryColumn } from 'typeorm';

export type EmailKind = 'abandoned_cart' | 'retention';
export type EmailStatus = 'queued' | 'sent' | 'failed';

/**
 * The idempotency record of one email, written (status `queued`) in the transaction that decides it,
 * before anything is sent; its primary key is the (campaign, cart or customer episode, step) it is for.
 */
@Entity({ name: 'emails' })
export class EmailEntity {
  @PrimaryColumn({ type: 'text' })
  emailId!: string;

  @Column({ type: 'text' })
  kind!: EmailKind;

  @Column({ type: 'text' })
  campaignId!: string;

  @Column({ type: 'integer' })
  step!: number;

  @Column({ type: 'text' })
  customerId!: string;

  @Column({ type: 'text', nullable: true })
  cartId!: string | null;

  @Column({ type: 'text' })
  recipient!: string;

  @Column({ type: 'timestamptz' })
  dueAt!: Date;

  /** Deterministic from emailId: a resend after a crash carries the same Message-ID. */
  @Column({ type: 'text' })
  messageId!: string;

  @Column({ type: 'text' })
  status!: EmailStatus;

  @Column({ type: 'integer' })
  attempts!: number;

  @Column({ type: 'text', nullable: true })
  code!: string | null;

  @Column({ type: 'text', nullable: true })
  codeToken!: string | null;

  @Column({ type: 'text', nullable: true })
  subject!: string | null;

  @Column({ type: 'text', nullable: true })
  failure!: string | null;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  openedAt!: Date | null;

  /** The replica that claimed the email to send it (EmailClaims); kept once sent: the one that sent it. */
  @Column({ type: 'text', nullable: true })
  claimedBy!: string | null;

  /** Not claimed before this (Postgres time): set when an attempt failed for a passing reason, backing off with `attempts`. */
  @Column({ type: 'timestamptz', nullable: true })
  retryAfter!: Date | null;

  /** Until when the claim holds, in Postgres time (a lease is infrastructure time, not the domain Clock's). */
  @Column({ type: 'timestamptz', nullable: true })
  claimedUntil!: Date | null;
}
