import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Writes text to a COPY FROM STDIN stream in chunks of about 64 KiB, waiting when Postgres pushes back. */
export class CopyWriter {
  private buffer: string[] = [];
  private size = 0;

  constructor(private readonly stream: Writable) {}

  async write(row: string): Promise<void> {
    this.buffer.push(row);
    this.size += row.length;
    if (this.size >= 65_536) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  /** Writes a ready-made chunk of rows (already newline-terminated). */
  async writeRaw(chunk: Buffer): Promise<void> {
    await this.flush();
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  /** Flushes the rest and waits until Postgres has taken every row. */
  async end(): Promise<void> {
    await this.flush();
    const done = once(this.stream, 'finish');
    this.stream.end();
    await done;
  }
}
