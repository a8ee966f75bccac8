import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One consumed CloudEvent per consumer group, written in the same transaction as its effect (X1). */
@Entity({ name: 'processed_events' })
export class ProcessedEvent {
  @PrimaryColumn({ type: 'text' })
  consumerGroup!: string;

  @PrimaryColumn({ type: 'text' })
  eventId!: string;

  @Column({ type: 'text' })
  topic!: string;

  @Column({ type: 'integer' })
  partition!: number;

  @Column({ type: 'bigint' })
  offset!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  processedAt!: Date;
}
