import { Column, Entity, PrimaryColumn } from 'typeorm';

/** `queued`: decided to send, its email queued in `emails` (whose status says whether it went out). */
export type ScheduleStatus = 'pending' | 'queued' | 'suppressed' | 'cancelled';

/** One (campaign, cart, step) abandoned-cart email: its due time and, once decided, the decision. */
@Entity({ name: 'email_schedules' })
export class EmailScheduleEntity {
  @PrimaryColumn({ type: 'text' })
  campaignId!: string;

  @PrimaryColumn({ type: 'text' })
  cartId!: string;

  @PrimaryColumn({ type: 'integer' })
  step!: number;

  @Column({ type: 'timestamptz' })
  dueAt!: Date;

  @Column({ type: 'text' })
  status!: ScheduleStatus;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;
}
