import type { Admin } from 'kafkajs';
import type { DataSource } from 'typeorm';

/** Records a consumer group never read: the log start had passed them before they were fetched. */
export interface RecordsLost {
  readonly group: string;
  readonly topic: string;
  readonly partition: number;
  /** First lost offset. */
  readonly fromOffset: string;
  /** One past the last lost offset. */
  readonly toOffset: string;
  readonly records: number;
}

/**
 * Where a consumer group stands on each partition by its own account (`consumer_positions`), and the
 * records it lost: a batch that starts past the group's next offset while the log start has also
 * passed it means records were deleted unread (time or size retention under a lagging consumer,
 * deleteRecords, an offset-out-of-range reset). A gap the log start does not explain (compaction,
 * transaction markers) is not a loss.
 *
 * The group's own record, not Kafka's committed offset: on an out-of-range fetch kafkajs commits the
 * log start itself, which would hide the gap. The position is written before each offset commit, so
 * it is never behind what Kafka has committed for the group, except after such a reset. Replicas
 * share the table: a partition that moves to another replica is checked against where the group, not
 * the replica, stood.
 */
export class ConsumerPositions {
  /** Next offset per `topic/partition`, as this process last knew it (saves a read per batch). */
  private readonly known = new Map<string, bigint>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly admin: () => Promise<Admin>,
    private readonly group: string,
  ) {}

  /** Called with a batch's first offset before it is handled; returns the records lost before it, if any. */
  async beforeBatch(topic: string, partition: number, firstOffset: string): Promise<RecordsLost | undefined> {
    const key = `${topic}/${partition}`;
    const first = BigInt(firstOffset);
    const known = this.known.get(key);
    if (known !== undefined && first <= known) return undefined;
    const expected = await this.stored(topic, partition);
    if (first <= expected) {
      this.known.set(key, expected);
      return undefined;
    }
    const logStart = await this.logStart(topic, partition);
    const lostTo = logStart < first ? logStart : first;
    const lost = lostTo > expected ? await this.recordLoss(topic, partition, lostTo) : undefined;
    this.known.set(key, first);
    return lost;
  }

  /** Called before an offset is committed: the group has handled every record before `nextOffset`. */
  async advance(topic: string, partition: number, nextOffset: bigint): Promise<void> {
    this.known.set(`${topic}/${partition}`, nextOffset);
    await this.dataSource.query(
      `INSERT INTO consumer_positions (consumer_group, topic, partition, next_offset, updated_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (consumer_group, topic, partition) DO UPDATE SET next_offset = GREATEST(consumer_positions.next_offset, EXCLUDED.next_offset), updated_at = now()`,
      [this.group, topic, partition, nextOffset.toString()],
    );
  }

  /** Where the group stands; a partition it has no row for starts at Kafka's committed offset (a group older than the table), else 0. */
  private async stored(topic: string, partition: number): Promise<bigint> {
    const rows: { next_offset: string }[] = await this.dataSource.query(`SELECT next_offset FROM consumer_positions WHERE consumer_group = $1 AND topic = $2 AND partition = $3`, [
      this.group,
      topic,
      partition,
    ]);
    if (rows[0]) return BigInt(rows[0].next_offset);
    const committed = await (await this.admin()).fetchOffsets({ groupId: this.group, topics: [topic] });
    const offset = BigInt(committed[0]?.partitions.find((p) => p.partition === partition)?.offset ?? '-1');
    return offset > 0n ? offset : 0n;
  }

  private async logStart(topic: string, partition: number): Promise<bigint> {
    const offsets = await (await this.admin()).fetchTopicOffsets(topic);
    return BigInt(offsets.find((p) => p.partition === partition)?.low ?? '0');
  }

  /** Moves the group's position to `lostTo` and counts what it skipped, once even when two replicas see the same gap. */
  private async recordLoss(topic: string, partition: number, lostTo: bigint): Promise<RecordsLost | undefined> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`INSERT INTO consumer_positions (consumer_group, topic, partition, next_offset) VALUES ($1, $2, $3, 0) ON CONFLICT DO NOTHING`, [this.group, topic, partition]);
      const rows: { next_offset: string }[] = await manager.query(`SELECT next_offset FROM consumer_positions WHERE consumer_group = $1 AND topic = $2 AND partition = $3 FOR UPDATE`, [
        this.group,
        topic,
        partition,
      ]);
      const from = BigInt(rows[0]?.next_offset ?? '0');
      if (lostTo <= from) return undefined;
      const records = lostTo - from;
      await manager.query(
        `UPDATE consumer_positions SET next_offset = $4, lost_records = lost_records + $5, updated_at = now() WHERE consumer_group = $1 AND topic = $2 AND partition = $3`,
        [this.group, topic, partition, lostTo.toString(), records.toString()],
      );
      return { group: this.group, topic, partition, fromOffset: from.toString(), toOffset: lostTo.toString(), records: Number(records) };
    });
  }
}
