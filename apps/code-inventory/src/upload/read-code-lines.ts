import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

export interface CodeLine {
  /** 1-based, as the merchant sees the file. */
  readonly line: number;
  readonly text: string;
}

/** A pasted list: one code per element. */
export async function* linesOfList(codes: readonly string[]): AsyncIterable<CodeLine> {
  for (const [index, text] of codes.entries()) yield { line: index + 1, text };
}

/**
 * The codes of a text or CSV stream, one per line (the first column of a CSV, unquoted); a `code`
 * header on line 1 and blank lines are skipped. Reads line by line, so memory stays constant.
 */
export async function* linesOfStream(input: Readable): AsyncIterable<CodeLine> {
  let line = 0;
  for await (const raw of createInterface({ input, crlfDelay: Infinity })) {
    line += 1;
    const text = firstCsvColumn(raw);
    if (text.trim() === '') continue;
    if (line === 1 && text.trim().toLowerCase() === 'code') continue;
    yield { line, text };
  }
}

function firstCsvColumn(raw: string): string {
  if (raw.startsWith('"')) {
    const end = raw.indexOf('"', 1);
    return end === -1 ? raw : raw.slice(1, end);
  }
  const comma = raw.indexOf(',');
  return comma === -1 ? raw : raw.slice(0, comma);
}
