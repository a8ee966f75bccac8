import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The greatest event time consumed on one partition of an input topic (K4 watermark). */
@Entity({ name: 'partition_progress' })
export class PartitionProgressEntity {
  @PrimaryColumn({ type: 'text' })
  topic!: string;

  @PrimaryColumn({ type: 'integer' })
  partition!: number;

  @Column({ type: 'timestamptz' })
  maxEventTime!: Date;
}
