import { StringDecoder } from 'node:string_decoder';
import { type UploadLimits, UploadTooLargeError, UploadTooManyLinesError } from './upload-limits.error';

export interface CodeLine {
  /** 1-based, as the merchant sees the file. */
  readonly line: number;
  readonly text: string;
}

/** A pasted list: one code per element. */
export async function* linesOfList(codes: readonly string[], limits: UploadLimits): AsyncIterable<CodeLine> {
  for (const [index, text] of codes.entries()) {
    if (index + 1 > limits.maxLines) throw new UploadTooManyLinesError(index + 1, limits.maxLines);
    yield { line: index + 1, text };
  }
}

/**
 * The codes of a text or CSV stream, one per line (the first column of a CSV, unquoted); a `code`
 * header on line 1 and blank lines are skipped. Reads chunk by chunk; the byte and line caps bound both the
 * upload and the one line held in memory (a body without line breaks is still refused at `maxBytes`).
 */
export async function* linesOfStream(input: AsyncIterable<Buffer | string>, limits: UploadLimits): AsyncIterable<CodeLine> {
  const decoder = new StringDecoder('utf8');
  let bytes = 0;
  let line = 0;
  let pending = '';
  const take = (raw: string): CodeLine | null => {
    line += 1;
    if (line > limits.maxLines) throw new UploadTooManyLinesError(line, limits.maxLines);
    const text = firstCsvColumn(raw.endsWith('\r') ? raw.slice(0, -1) : raw);
    if (text.trim() === '') return null;
    if (line === 1 && text.trim().toLowerCase() === 'code') return null;
    return { line, text };
  };
  for await (const chunk of input) {
    bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    if (bytes > limits.maxBytes) throw new UploadTooLargeError(limits.maxBytes);
    pending += typeof chunk === 'string' ? chunk : decoder.write(chunk);
    let start = 0;
    for (let end = pending.indexOf('\n'); end !== -1; end = pending.indexOf('\n', start)) {
      const taken = take(pending.slice(start, end));
      start = end + 1;
      if (taken !== null) yield taken;
    }
    pending = pending.slice(start);
  }
  pending += decoder.end();
  if (pending !== '') {
    const taken = take(pending);
    if (taken !== null) yield taken;
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
