import { readFileSync } from 'node:fs';

/** One record as recorded on the commerce platform's topics (streams README, "Record format"). */
export interface StreamRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  /** RFC 3339; becomes the Kafka record timestamp, the event time services follow in a replay. */
  readonly timestamp: string;
  readonly key: string | null;
  readonly headers: Readonly<Record<string, string>>;
  /** The record value exactly as it was on the topic (UTF-8), malformed ones included. */
  readonly value: string;
}

/** Reads a `.jsonl` stream file; a line that is not a record is an error in the file, not a malformed event. */
export function loadStream(file: string): readonly StreamRecord[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  return lines.flatMap((line, index) => {
    if (line.trim() === '') return [];
    const parsed: unknown = JSON.parse(line);
    return [toRecord(parsed, `${file}:${index + 1}`)];
  });
}

function toRecord(value: unknown, where: string): StreamRecord {
  if (typeof value !== 'object' || value === null) throw new Error(`${where}: not a record object`);
  const r = value as Record<string, unknown>;
  const text = (name: string): string => {
    const v = r[name];
    if (typeof v !== 'string') throw new Error(`${where}: ${name} must be a string`);
    return v;
  };
  const integer = (name: string): number => {
    const v = r[name];
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw new Error(`${where}: ${name} must be a non-negative integer`);
    return v;
  };
  const headers = r['headers'] ?? {};
  if (typeof headers !== 'object' || headers === null || Object.values(headers).some((h) => typeof h !== 'string')) {
    throw new Error(`${where}: headers must map names to strings`);
  }
  const key = r['key'];
  if (key !== null && key !== undefined && typeof key !== 'string') throw new Error(`${where}: key must be a string or null`);
  const timestamp = text('timestamp');
  if (Number.isNaN(Date.parse(timestamp))) throw new Error(`${where}: timestamp is not a date`);
  return {
    topic: text('topic'),
    partition: integer('partition'),
    offset: integer('offset'),
    timestamp,
    key: typeof key === 'string' ? key : null,
    headers: headers as Record<string, string>,
    value: text('value'),
  };
}
