import type { CartUpdatedData } from '@promo/contracts';
import { bigintMoneyTransformer } from '@promo/persistence';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The latest snapshot of a cart: the one with the greatest `updatedAt` (streams README). */
@Entity({ name: 'cart_snapshots' })
export class CartSnapshotEntity {
  @PrimaryColumn({ type: 'text' })
  cartId!: string;

  @Column({ type: 'text', nullable: true })
  customerId!: string | null;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ type: 'boolean' })
  marketingConsent!: boolean;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  /** Σ unitPrice × quantity in minor units, before promotions and shipping. */
  @Column({ type: 'bigint', transformer: bigintMoneyTransformer })
  value!: number;

  @Column({ type: 'integer' })
  lineCount!: number;

  @Column({ type: 'jsonb' })
  snapshot!: CartUpdatedData;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}
