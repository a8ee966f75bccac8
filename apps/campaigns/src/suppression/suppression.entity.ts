import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An address that gets no campaign email (unsubscribed, bounced, or added by the merchant). */
@Entity({ name: 'suppressions' })
export class SuppressionEntity {
  /** Lower-cased address. */
  @PrimaryColumn({ type: 'text' })
  email!: string;

  @Column({ type: 'text', nullable: true })
  customerId!: string | null;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;
}
