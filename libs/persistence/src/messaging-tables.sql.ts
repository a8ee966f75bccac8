import type { QueryRunner } from 'typeorm';

// The processed-events and outbox tables every app has in its own schema. Each app's first
// migration calls these; version 1 is frozen: a change to these tables is a new function and a
// new migration in every app, never an edit here.

export async function createMessagingTablesV1(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`
    CREATE TABLE processed_events (
      consumer_group text NOT NULL,
      event_id text NOT NULL,
      topic text NOT NULL,
      partition integer NOT NULL,
      "offset" bigint NOT NULL,
      processed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (consumer_group, event_id)
    )`);
  await queryRunner.query(`
    CREATE TABLE outbox_messages (
      id bigserial PRIMARY KEY,
      topic text NOT NULL,
      key text,
      headers jsonb NOT NULL DEFAULT '{}'::jsonb,
      value text NOT NULL,
      created_at timestamptz NOT NULL,
      published_at timestamptz
    )`);
  await queryRunner.query(`CREATE INDEX outbox_messages_unpublished ON outbox_messages (id) WHERE published_at IS NULL`);
}

export async function dropMessagingTablesV1(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`DROP TABLE outbox_messages`);
  await queryRunner.query(`DROP TABLE processed_events`);
}

// Version 2 (issue 18): where each consumer group stands on each partition, by its own account, and
// how many records it never read because the log start passed them (retention, deleteRecords, a reset).
// Kafka's committed offset cannot tell: kafkajs commits the log start itself when a fetch is out of range.
// And the records each group dead-lettered, by position, so a record redelivered after a crash (its
// offset not yet committed) is not dead-lettered twice.

export async function createMessagingTablesV2(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`
    CREATE TABLE consumer_positions (
      consumer_group text NOT NULL,
      topic text NOT NULL,
      partition integer NOT NULL,
      next_offset bigint NOT NULL,
      lost_records bigint NOT NULL DEFAULT 0,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (consumer_group, topic, partition)
    )`);
  await queryRunner.query(`
    CREATE TABLE dead_letters (
      consumer_group text NOT NULL,
      topic text NOT NULL,
      partition integer NOT NULL,
      "offset" bigint NOT NULL,
      reason text NOT NULL,
      event_id text,
      dead_lettered_at timestamptz NOT NULL,
      PRIMARY KEY (consumer_group, topic, partition, "offset")
    )`);
}

export async function dropMessagingTablesV2(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`DROP TABLE dead_letters`);
  await queryRunner.query(`DROP TABLE consumer_positions`);
}
