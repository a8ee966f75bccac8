import { Readable } from 'node:stream';
import { type CodeLine, linesOfStream } from './read-code-lines';

const LIMITS = { maxBytes: 1_000_000, maxLines: 1_000 };

async function collect(lines: AsyncIterable<CodeLine>): Promise<CodeLine[]> {
  const out: CodeLine[] = [];
  for await (const line of lines) out.push(line);
  return out;
}

describe('linesOfStream', () => {
  it('takes the first CSV column, unquoted, skips the header and blank lines, and keeps file line numbers', async () => {
    const text = 'Code,amount\r\nAAA-1,10\n\n"BBB-2",20\nCCC-3\n';
    expect(await collect(linesOfStream(Readable.from([text]), LIMITS))).toEqual([
      { line: 2, text: 'AAA-1' },
      { line: 4, text: 'BBB-2' },
      { line: 5, text: 'CCC-3' },
    ]);
  });

  it('reads a line split across chunks as one line', async () => {
    expect(await collect(linesOfStream(Readable.from(['AB', 'C-1\nDE', 'F-2']), LIMITS))).toEqual([
      { line: 1, text: 'ABC-1' },
      { line: 2, text: 'DEF-2' },
    ]);
  });

  it('reads a UTF-8 character split across chunks, and a CRLF split between them', async () => {
    const bytes = Buffer.from('É-1\r\nB-2');
    const chunks = [bytes.subarray(0, 1), bytes.subarray(1, 5), bytes.subarray(5)];
    expect(await collect(linesOfStream(Readable.from(chunks), LIMITS))).toEqual([
      { line: 1, text: 'É-1' },
      { line: 2, text: 'B-2' },
    ]);
  });

  it('stops at the byte cap even inside one endless line, and at the line cap counting blank lines', async () => {
    await expect(collect(linesOfStream(Readable.from(['A'.repeat(600), 'B'.repeat(600)]), { maxBytes: 1_000, maxLines: 10 }))).rejects.toMatchObject({ status: 413 });
    await expect(collect(linesOfStream(Readable.from(['A-1\n\n\nB-2\n']), { maxBytes: 1_000, maxLines: 3 }))).rejects.toMatchObject({
      status: 400,
      errors: [{ field: 'line 4', reason: 'too_many_lines' }],
    });
  });
});
