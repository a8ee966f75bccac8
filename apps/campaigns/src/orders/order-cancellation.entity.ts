import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A cancellation, kept even when it arrives before its order (it applies when the order comes). */
@Entity({ name: 'order_cancellations' })
export class OrderCancellationEntity {
  @PrimaryColumn({ type: 'text' })
  orderId!: string;

  @Column({ type: 'timestamptz' })
  cancelledAt!: Date;
}
