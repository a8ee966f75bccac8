import type { Logger } from '@nestjs/common';
import { context, SpanStatusCode, trace } from '@opentelemetry/api';
import { type CloudEvent, deadLetterTopic, decodeCloudEvent } from '@promo/contracts';
import { isTracingOn } from '@promo/platform';
import type { Admin, Batch, Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { ensureTopics } from '../kafka/ensure-topics';
import { whileKafkaSettles } from '../kafka/retriable';
import { ConsumerPositions, type RecordsLost } from './consumer-positions';
import { sendToDeadLetter, type DeadLetter } from './dead-letter';
import { type DirectRecord, directRecords } from './direct-publish';
import { type AnyEventHandler, type BatchedEvent, type BatchEventHandler, isBatchHandler, isPublishingHandler, type RecordPosition } from './event-handler';
import { markProcessed } from './processed-events';
import { backoffMs, classifyFailure, DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';
import { carryTrace, endRecordSpan, incomingTrace, outgoingTrace, startRecordSpan, startRunSpan } from '../tracing/record-trace';
import type { Subscription } from './topics';

/** What happened to one record; observers feed metrics and tests. */
export type RecordOutcome =
  | { readonly kind: 'processed'; readonly event: CloudEvent; readonly position: RecordPosition }
  | { readonly kind: 'duplicate'; readonly event: CloudEvent; readonly position: RecordPosition }
  | { readonly kind: 'dead-lettered'; readonly letter: DeadLetter; readonly position: RecordPosition };

export interface EventConsumerOptions {
  readonly kafka: Kafka;
  /** The idempotent producer used for dead letters. */
  readonly producer: Producer;
  readonly dataSource: DataSource;
  /** Consumer group id = app name (STYLE.md §3); also the key of processed_events rows. */
  readonly groupId: string;
  /**
   * The name in this consumer's dead-letter topics (default `groupId`). A group per replica (pricing's index)
   * names one shared set, so a replica that goes leaves no topics of its own behind.
   */
  readonly deadLetterName?: string;
  /** What it reads: each handler on its topic (subscriptionsOf names them from the handlers' event types). */
  readonly subscriptions: readonly Subscription[];
  /** The CloudEvent `source` of events that publishing handlers return (`promotions/<app>`, as the outbox's). */
  readonly source?: string;
  readonly logger: Logger;
  readonly now: () => Date;
  readonly retry?: RetryPolicy;
  readonly fromBeginning?: boolean;
  /** Partitions of a consumed or dead-letter topic this consumer creates when it is missing (default 6). */
  readonly partitions?: number;
  /** How long the group waits for a silent member before rebalancing its partitions (default 30 s). */
  readonly sessionTimeoutMs?: number;
  /**
   * How many of its assigned partitions this consumer handles at once (default 1). Records of one partition
   * (one key) are always handled in order, one after the other; raise it only for handlers whose effects on
   * different keys do not depend on the order between them.
   */
  readonly partitionsConsumedConcurrently?: number;
  /** Fed with each record's timestamp before it is handled (an event-time clock follows it). */
  readonly observeTime?: (at: Date) => void;
  /** Called after each record's outcome is durable (effect committed or dead letter sent), before its offset is committed. */
  readonly onOutcome?: (outcome: RecordOutcome) => void | Promise<void>;
  /** Called when an attempt at a record failed and it will be retried (metrics). */
  readonly onRetry?: (position: RecordPosition, failure: string, attempt: number) => void;
  /** Called when the group finds records it never read (the log start passed them); they are also logged as an error. */
  readonly onRecordsLost?: (lost: RecordsLost) => void;
  /** Most records a batch handler (BatchEventHandler) is given in one transaction (default 500). */
  readonly maxBatchRecords?: number;
}

const COMMIT_EVERY_RECORDS = 200;
const DEFAULT_MAX_BATCH_RECORDS = 500;
/** How often a long batch transaction heartbeats meanwhile (kafkajs sends one only once the consumer's heartbeatInterval has passed). */
const BATCH_HEARTBEAT_MS = 1_000;

/** A valid record of a batch: its message, its event and where it came from. */
interface DecodedRecord extends BatchedEvent {
  readonly message: KafkaMessage;
}

/**
 * The one consumer every app uses (X1): decode and validate by type before de-duplication, the effect
 * and the processed-event row in one transaction, retries with backoff without committing, malformed
 * records to `<topic>.<group>.dlq` at once, offsets committed only after the outcome is durable.
 * A batch handler (#21) is given the valid records of a partition together, in one transaction.
 */
export class EventConsumer {
  private readonly consumer: Consumer;
  private readonly handlersByTopic: ReadonlyMap<string, { readonly handler: AnyEventHandler; readonly types: ReadonlySet<string> }>;
  private readonly retry: RetryPolicy;
  private readonly positions: ConsumerPositions;
  private admin: Promise<Admin> | undefined;
  private isStopping = false;

  constructor(private readonly options: EventConsumerOptions) {
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.handlersByTopic = new Map(options.subscriptions.map(({ topic, handler }) => [topic, { handler, types: new Set([handler.eventType]) }]));
    this.consumer = options.kafka.consumer({ groupId: options.groupId, sessionTimeout: options.sessionTimeoutMs ?? 30_000, heartbeatInterval: 1_000, allowAutoTopicCreation: false });
    this.positions = new ConsumerPositions(options.dataSource, () => this.connectedAdmin(), options.groupId);
  }

  /** One admin connection, made at start (topics) and kept for the positions' offset reads. */
  private connectedAdmin(): Promise<Admin> {
    this.admin ??= (async () => {
      const admin = this.options.kafka.admin();
      await admin.connect();
      return admin;
    })();
    return this.admin;
  }

  get topics(): readonly string[] {
    return [...this.handlersByTopic.keys()];
  }

  async start(): Promise<void> {
    await this.ensureOwnTopics();
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart && !this.isStopping) void this.runAgainAfterCrash(payload.error);
    });
    await this.consumer.connect();
    await whileKafkaSettles(() => this.consumer.subscribe({ topics: [...this.topics], fromBeginning: this.options.fromBeginning ?? true }));
    await this.run();
  }

  private async run(): Promise<void> {
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
      // What escapes a batch (the database or the broker out of reach mid-commit) is retriable for kafkajs, which then
      // restarts the consumer from the last committed offset: a non-retriable error would stop it for good, silently.
      eachBatch: (payload) => this.processBatch(payload).catch((error: unknown) => Promise.reject(restartable(error))),
    });
  }

  /**
   * kafkajs leaves a consumer stopped after a crash it does not classify as retriable. A consumer that reads nothing
   * while its service looks healthy loses events without saying so: log it, and join the group again after a pause
   * (the records after the last committed offset are delivered again; effects are idempotent).
   */
  private async runAgainAfterCrash(error: Error): Promise<void> {
    this.options.logger.error({ err: error, groupId: this.options.groupId }, 'consumer crashed and kafkajs will not restart it; joining the group again');
    for (let attempt = 1; !this.isStopping; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, backoffMs(this.retry, attempt)));
      if (this.isStopping) return;
      try {
        await this.consumer.connect();
        await this.run();
        return;
      } catch (retryError) {
        this.options.logger.error({ err: retryError, groupId: this.options.groupId, attempt }, 'consumer could not join the group again; trying once more');
      }
    }
  }

  /** Stops fetching the given topics until resumed (a lagging consumer, or back-pressure); other topics go on. */
  pause(topics: readonly string[]): void {
    this.consumer.pause(topics.map((topic) => ({ topic })));
  }

  resume(topics: readonly string[]): void {
    this.consumer.resume(topics.map((topic) => ({ topic })));
  }

  /**
   * Subscribing to a topic that does not exist yet fails (the broker runs without auto-create), and
   * services start in any order: the consumer creates what it reads and where it dead-letters.
   */
  private async ensureOwnTopics(): Promise<void> {
    const numPartitions = this.options.partitions ?? 6;
    await ensureTopics(
      await this.connectedAdmin(),
      this.topics.flatMap((topic) => [
        { topic, numPartitions },
        { topic: deadLetterTopic(topic, this.options.deadLetterName ?? this.options.groupId), numPartitions },
      ]),
    );
  }

  /** Stops fetching, lets the record in hand finish, commits what is done and leaves the group. */
  async stop(): Promise<void> {
    this.isStopping = true;
    await this.consumer.disconnect();
    await (await this.admin?.catch(() => undefined))?.disconnect();
  }

  private async processBatch({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale }: EachBatchPayload): Promise<void> {
    // Through the batch's own commit, not consumer.commitOffsets: that one is a no-op once disconnect() has
    // begun, so the records finished during a shutdown would stay uncommitted and be delivered again.
    // Events of publishing handlers (#21) wait here until the next commit, which sends them first.
    let outgoing: DirectRecord[] = [];
    const collect = (records: readonly DirectRecord[]): void => void outgoing.push(...records);
    let lastDone: string | undefined;
    let sinceCommit = 0;
    const commit = async (): Promise<void> => {
      if (lastDone === undefined || sinceCommit === 0) return;
      if (outgoing.length > 0) {
        await this.publish(outgoing);
        outgoing = [];
      }
      const next = BigInt(lastDone) + 1n;
      await this.positions.advance(batch.topic, batch.partition, next);
      await commitOffsetsIfNecessary({ topics: [{ topic: batch.topic, partitions: [{ partition: batch.partition, offset: next.toString() }] }] });
      sinceCommit = 0;
    };
    const done = (message: KafkaMessage): void => {
      resolveOffset(message.offset);
      lastDone = message.offset;
      sinceCommit += 1;
    };
    const first = batch.messages[0];
    if (first) await this.reportLoss(await this.positions.beforeBatch(batch.topic, batch.partition, first.offset));
    const route = this.handlersByTopic.get(batch.topic);
    const batchHandler = route && isBatchHandler(route.handler) ? route.handler : undefined;
    let index = 0;
    while (index < batch.messages.length) {
      if (!isRunning() || isStale()) break;
      // #21: the valid records from here on in one transaction, when the handler can take them together.
      const run = batchHandler && route ? this.validRun(batch, index, route.types) : [];
      if (batchHandler && run.length > 0) {
        for (const record of run) this.options.observeTime?.(new Date(Number(record.message.timestamp)));
        const applied = await this.applyRun(batchHandler, run, heartbeat, collect);
        run.slice(0, applied).forEach((record) => done(record.message));
        index += applied;
        await commit();
        if (applied < run.length) break; // stopping mid-retry: leave the rest uncommitted so it is redelivered
        await heartbeat();
        continue;
      }
      const message = batch.messages[index];
      if (!message) break;
      this.options.observeTime?.(new Date(Number(message.timestamp)));
      const isDone = await this.processRecord(message, positionOf(batch, message), heartbeat, collect);
      if (!isDone) break; // stopping mid-retry: leave the offset uncommitted so the record is redelivered
      done(message);
      index += 1;
      if (sinceCommit >= COMMIT_EVERY_RECORDS) await commit();
      await heartbeat();
    }
    await commit();
    await commitOffsetsIfNecessary();
  }

  /** The valid records of `batch` from `start` on: up to the first malformed one (dead-lettered on its own), at most maxBatchRecords. */
  private validRun(batch: Batch, start: number, types: ReadonlySet<string>): DecodedRecord[] {
    const run: DecodedRecord[] = [];
    const limit = this.options.maxBatchRecords ?? DEFAULT_MAX_BATCH_RECORDS;
    for (const message of batch.messages.slice(start, start + limit)) {
      const decoded = decodeCloudEvent(message.value, types);
      if (!decoded.ok) break;
      run.push({ message, event: decoded.event, position: positionOf(batch, message) });
    }
    return run;
  }

  /**
   * A run of valid records in one transaction; when that fails, the same records one at a time, each with
   * its retries and dead letter (the transaction rolled back: nothing of the run is lost or applied twice).
   * Returns how many of the run are done, in order: all of them unless the consumer stops mid-retry.
   */
  private async applyRun(handler: BatchEventHandler, run: readonly DecodedRecord[], heartbeat: () => Promise<void>, collect: (records: readonly DirectRecord[]) => void): Promise<number> {
    const outcomes = isTracingOn() ? await this.applyBatchOnceTraced(handler, run, heartbeat) : await this.applyBatchOnce(handler, run, heartbeat);
    if (outcomes) {
      for (const outcome of outcomes) await this.options.onOutcome?.(outcome);
      return run.length;
    }
    let applied = 0;
    for (const record of run) {
      if (!(await this.processRecord(record.message, record.position, heartbeat, collect))) break;
      applied += 1;
    }
    return applied;
  }

  /**
   * One transaction: one multi-row processed-events insert tells which events are new, the handler applies
   * those, one commit. undefined when it failed (rolled back). Heartbeats meanwhile, so a long batch does
   * not cost the consumer its partitions.
   */
  private async applyBatchOnce(handler: BatchEventHandler, run: readonly DecodedRecord[], heartbeat: () => Promise<void>): Promise<RecordOutcome[] | undefined> {
    const events = run.map(({ event, position }) => ({ event, position }));
    // A failed heartbeat (a rebalance) is thrown again by the next one after the transaction; isStale() then stops the batch.
    const keepAlive = setInterval(() => void heartbeat().catch(() => undefined), BATCH_HEARTBEAT_MS);
    try {
      const isNew = await this.options.dataSource.transaction(async (manager) => {
        // Tracing off: a run of one record forwards its trace to what it writes to the outbox; a longer run has no single one.
        const only = run.length === 1 ? run[0] : undefined;
        if (only && !isTracingOn()) carryTrace(manager, incomingTrace(only.message.headers, only.event));
        const fresh = await markProcessed(manager, this.options.groupId, events, this.options.now());
        const newEvents = events.filter((_, i) => fresh[i]);
        if (newEvents.length > 0) await handler.handleBatch(newEvents, { manager });
        return fresh;
      });
      const outcomes = events.map(({ event, position }, i): RecordOutcome => ({ kind: isNew[i] ? 'processed' : 'duplicate', event, position }));
      this.options.logger.debug({ ...runSpan(run), processed: outcomes.filter((o) => o.kind === 'processed').length }, 'event batch processed');
      return outcomes;
    } catch (error) {
      this.options.logger.warn({ err: error, ...runSpan(run), failure: classifyFailure(error) }, 'event batch failed; applying its records one at a time');
      return undefined;
    } finally {
      clearInterval(keepAlive);
    }
  }

  /** applyBatchOnce in the run's consumer span (#24): the events the batch writes to the outbox carry its context. */
  private async applyBatchOnceTraced(handler: BatchEventHandler, run: readonly DecodedRecord[], heartbeat: () => Promise<void>): Promise<RecordOutcome[] | undefined> {
    const records = run.map(({ message, event, position }) => ({ incoming: incomingTrace(message.headers, event), event, position }));
    const { span, context: active } = startRunSpan(records, this.options.groupId);
    const outcomes = await context.with(active, () => this.applyBatchOnce(handler, run, heartbeat));
    endRecordSpan(span, outcomes === undefined ? 'the batch failed; its records were applied one at a time' : undefined);
    return outcomes;
  }

  /** Never a quiet reset: records deleted before the group read them are logged as an error and counted. */
  private async reportLoss(lost: RecordsLost | undefined): Promise<void> {
    if (!lost) return;
    this.options.logger.error(lost, `${lost.records} records of ${lost.topic}[${lost.partition}] were deleted before group ${lost.group} read them (offsets ${lost.fromOffset} to ${BigInt(lost.toOffset) - 1n}): they are lost to it`);
    this.options.onRecordsLost?.(lost);
  }

  /** true when the record's outcome is durable; false when the consumer is stopping and the record must be redelivered. */
  private async processRecord(message: KafkaMessage, position: RecordPosition, heartbeat: () => Promise<void>, collect: (records: readonly DirectRecord[]) => void): Promise<boolean> {
    const route = this.handlersByTopic.get(position.topic);
    if (!route) throw new Error(`no handler for topic ${position.topic}`);
    const decoded = decodeCloudEvent(message.value, route.types);
    if (!decoded.ok) {
      await this.deadLetter(message, position, decoded.error);
      return true;
    }
    if (!isTracingOn()) return this.processEvent(route.handler, message, decoded.event, position, heartbeat, collect);
    // #24: the record's consumer span, child of the producer's context, is active while its handler runs.
    const { span, context: active } = startRecordSpan(incomingTrace(message.headers, decoded.event), decoded.event, position, this.options.groupId);
    try {
      return await context.with(active, () => this.processEvent(route.handler, message, decoded.event, position, heartbeat, collect));
    } finally {
      endRecordSpan(span, undefined);
    }
  }

  /** A valid record's attempts: true when its outcome is durable, false when the consumer stops mid-retry. */
  private async processEvent(
    handler: AnyEventHandler,
    message: KafkaMessage,
    event: CloudEvent,
    position: RecordPosition,
    heartbeat: () => Promise<void>,
    collect: (records: readonly DirectRecord[]) => void,
  ): Promise<boolean> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const isFirst = await this.applyOnce(handler, message, event, position, collect);
        this.options.logger.debug({ eventId: event.id, type: event.type, ...position, duplicate: !isFirst }, 'event processed');
        await this.options.onOutcome?.({ kind: isFirst ? 'processed' : 'duplicate', event, position });
        return true;
      } catch (error) {
        const kind = classifyFailure(error);
        const log = { err: error, eventId: event.id, ...position, attempt, failure: kind };
        if (kind === 'unrecoverable' || (kind === 'handler' && attempt >= this.retry.maxAttempts)) {
          this.options.logger.error(log, 'event dead-lettered after failing');
          if (isTracingOn()) trace.getActiveSpan()?.setStatus({ code: SpanStatusCode.ERROR, message: `dead-lettered: ${kind}` });
          const reason = kind === 'unrecoverable' ? 'processing_failed' : 'retries_exhausted';
          await this.deadLetter(message, position, { reason, detail: (error as Error).message ?? String(error), eventId: event.id });
          return true;
        }
        this.options.logger.warn(log, 'event failed; retrying');
        this.options.onRetry?.(position, kind, attempt);
        if (this.isStopping) return false;
        await delay(backoffMs(this.retry, Math.min(attempt, 16)));
        await heartbeat();
        if (this.isStopping) return false;
      }
    }
  }

  /**
   * The effect and the processed-event row in one transaction; false when the id was already processed. A
   * publishing handler's events are collected instead, to be sent before the offset commit (no transaction:
   * a redelivery gives them the same ids).
   */
  private async applyOnce(handler: AnyEventHandler, message: KafkaMessage, event: CloudEvent, position: RecordPosition, collect: (records: readonly DirectRecord[]) => void): Promise<boolean> {
    if (isPublishingHandler(handler)) {
      const events = await handler.publish(event, position);
      const source = this.options.source ?? `promotions/${this.options.groupId}`;
      collect(directRecords(events, event, { group: this.options.groupId, source, now: this.options.now(), trace: outgoingTrace(message.headers, event) }));
      return true;
    }
    return this.options.dataSource.transaction(async (manager) => {
      if (!isTracingOn()) carryTrace(manager, incomingTrace(message.headers, event));
      const inserted: unknown[] = await manager.query(
        `INSERT INTO processed_events (consumer_group, event_id, topic, partition, "offset", processed_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING event_id`,
        [this.options.groupId, event.id, position.topic, position.partition, position.offset, this.options.now()],
      );
      if (inserted.length === 0) return false;
      await handler.handle(event, { ...position, manager });
      return true;
    });
  }

  /** Sends publishing handlers' events, acks=-1 through the idempotent producer; resolves once the broker has them all. */
  private async publish(records: readonly DirectRecord[]): Promise<void> {
    const byTopic = new Map<string, DirectRecord['message'][]>();
    for (const record of records) byTopic.set(record.topic, [...(byTopic.get(record.topic) ?? []), record.message]);
    await this.options.producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) });
  }

  /**
   * Once per record position: the position is recorded in `dead_letters` in a transaction that stays
   * open while the letter is sent, so a record redelivered after a crash (its offset not committed yet)
   * finds its row and is not dead-lettered again. Only a crash in the moment between the broker's ack
   * and the commit sends it twice.
   */
  private async deadLetter(message: KafkaMessage, position: RecordPosition, letter: DeadLetter): Promise<void> {
    const now = this.options.now();
    const isFirst = await this.options.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO dead_letters (consumer_group, topic, partition, "offset", reason, event_id, dead_lettered_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT DO NOTHING RETURNING "offset"`,
        [this.options.groupId, position.topic, position.partition, position.offset, letter.reason, letter.eventId ?? null, now],
      );
      if (inserted.length === 0) return false;
      await sendToDeadLetter(this.options.producer, this.options.groupId, position, message, letter, now, this.options.deadLetterName);
      return true;
    });
    if (!isFirst) {
      this.options.logger.debug({ ...position, reason: letter.reason }, 'record already dead-lettered (redelivered)');
      return;
    }
    this.options.logger.warn({ ...position, reason: letter.reason, detail: letter.detail, eventId: letter.eventId }, 'record dead-lettered');
    await this.options.onOutcome?.({ kind: 'dead-lettered', letter, position });
  }
}

function positionOf(batch: Batch, message: KafkaMessage): RecordPosition {
  return { topic: batch.topic, partition: batch.partition, offset: message.offset, key: message.key?.toString('utf8') ?? null };
}

/** Where a run of records lies, for logs. */
function runSpan(run: readonly DecodedRecord[]): { topic: string | undefined; partition: number | undefined; fromOffset: string | undefined; toOffset: string | undefined; records: number } {
  const first = run[0]?.position;
  return { topic: first?.topic, partition: first?.partition, fromOffset: first?.offset, toOffset: run[run.length - 1]?.position.offset, records: run.length };
}

function delay(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

/**
 * The error a batch failed with, marked retriable for kafkajs (which otherwise stops the consumer for good). A new
 * error, not the original: kafkajs reads `retriable` on the deepest `cause`; the original is kept as `batchError`.
 */
function restartable(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  return Object.assign(new Error(`event batch failed: ${message}`), { name: 'EventBatchFailedError', retriable: true, batchError: error });
}
