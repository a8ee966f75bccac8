import { bigintMoneyTransformer } from '@promo/persistence';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An `order.placed` seen: suppresses the cart's emails due at or after `placedAt`, and counts as recovered revenue. */
@Entity({ name: 'orders_seen' })
export class OrderSeenEntity {
  @PrimaryColumn({ type: 'text' })
  orderId!: string;

  @Column({ type: 'text' })
  cartId!: string;

  @Column({ type: 'text', nullable: true })
  customerId!: string | null;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ type: 'bigint', transformer: bigintMoneyTransformer })
  total!: number;

  @Column({ type: 'timestamptz' })
  placedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;
}
