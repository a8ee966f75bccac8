import type { Logger } from '@nestjs/common';
import type { Message, Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';

export interface OutboxRelayOptions {
  readonly dataSource: DataSource;
  readonly producer: Producer;
  readonly logger: Logger;
  readonly now: () => Date;
  readonly batchSize?: number;
  readonly pollIntervalMs?: number;
}

/** Well under the broker's default 1 MiB request limit, so a batch of large events is never refused whole. */
const MAX_REQUEST_BYTES = 512 * 1024;

interface OutboxRow {
  readonly id: string;
  readonly topic: string;
  readonly key: string | null;
  readonly headers: Record<string, string>;
  readonly value: string;
}

/**
 * pg advisory lock class of the relay; the second key is the outbox table's oid, so each app schema
 * (each outbox) has a relay of its own even when several apps share a database.
 */
const RELAY_LOCK_CLASS = 0x0b0c_5e1a;

/**
 * Publishes committed outbox rows in id order and marks them published in the same transaction that
 * locked them: a crash between send and mark republishes (consumers de-duplicate by CloudEvent id),
 * never loses.
 *
 * Order per key across replicas: one relay at a time publishes an app's outbox. Each batch takes a
 * transaction-level advisory lock first; a replica that does not get it skips the round (another is
 * publishing). Sharing batches between replicas (SKIP LOCKED) let two replicas send neighbouring
 * batches at once, so a key's later event could reach Kafka before its earlier one (a
 * `redemption.reversed` before its `redemption.recorded`). With one publisher, events go out in id
 * order; id order is commit order for the events of one key because every app writes one key's
 * events in transactions that follow each other (one partition's records are handled one at a
 * time, and the ledger serializes an order's transactions with a lock on the order id).
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private isStopped = false;

  constructor(private readonly options: OutboxRelayOptions) {}

  start(): void {
    this.isStopped = false;
    this.schedule(0);
  }

  /** Stops polling after a last flush of what is committed. */
  async stop(): Promise<void> {
    this.isStopped = true;
    clearTimeout(this.timer);
    await this.running;
    await this.flush();
  }

  /** Publishes everything committed so far; returns how many events were sent. */
  async flush(): Promise<number> {
    let total = 0;
    for (;;) {
      const sent = await this.relayBatch();
      total += sent;
      if (sent < (this.options.batchSize ?? 500)) return total;
    }
  }

  private schedule(delayMs: number): void {
    if (this.isStopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => {
        this.running = undefined;
      });
    }, delayMs);
  }

  private async tick(): Promise<void> {
    let next = this.options.pollIntervalMs ?? 200;
    try {
      const sent = await this.relayBatch();
      if (sent >= (this.options.batchSize ?? 500)) next = 0;
    } catch (error) {
      this.options.logger.warn({ err: error }, 'outbox relay failed; will retry');
      next = 1_000;
    }
    this.schedule(next);
  }

  private async relayBatch(): Promise<number> {
    return this.options.dataSource.transaction(async (manager) => {
      const lock: { acquired: boolean }[] = await manager.query(`SELECT pg_try_advisory_xact_lock($1, 'outbox_messages'::regclass::oid::int) AS acquired`, [RELAY_LOCK_CLASS]);
      if (lock[0]?.acquired !== true) return 0; // another replica is publishing this outbox
      const rows: OutboxRow[] = await manager.query(
        `SELECT id, topic, key, headers, value FROM outbox_messages WHERE published_at IS NULL ORDER BY id LIMIT $1`,
        [this.options.batchSize ?? 500],
      );
      if (rows.length === 0) return 0;
      for (const chunk of chunkByBytes(rows, MAX_REQUEST_BYTES)) {
        const byTopic = new Map<string, Message[]>();
        for (const row of chunk) {
          const messages = byTopic.get(row.topic) ?? [];
          messages.push({ key: row.key, value: row.value, headers: row.headers });
          byTopic.set(row.topic, messages);
        }
        await this.options.producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) });
      }
      await manager.query(`UPDATE outbox_messages SET published_at = $1 WHERE id = ANY($2::bigint[])`, [this.options.now(), rows.map((r) => r.id)]);
      return rows.length;
    });
  }
}

/** Splits rows, in order, into runs whose values add up to at most `maxBytes` (a larger single row goes alone). */
export function chunkByBytes<T extends { readonly value: string }>(rows: readonly T[], maxBytes: number): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const row of rows) {
    const bytes = Buffer.byteLength(row.value, 'utf8');
    if (current.length > 0 && size + bytes > maxBytes) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(row);
    size += bytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
