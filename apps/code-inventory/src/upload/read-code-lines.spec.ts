import { Readable } from 'node:stream';
import { type CodeLine, linesOfStream } from './read-code-lines';

async function collect(lines: AsyncIterable<CodeLine>): Promise<CodeLine[]> {
  const out: CodeLine[] = [];
  for await (const line of lines) out.push(line);
  return out;
}

describe('linesOfStream', () => {
  it('takes the first CSV column, unquoted, skips the header and blank lines, and keeps file line numbers', async () => {
    const text = 'Code,amount\r\nAAA-1,10\n\n"BBB-2",20\nCCC-3\n';
    expect(await collect(linesOfStream(Readable.from([text])))).toEqual([
      { line: 2, text: 'AAA-1' },
      { line: 4, text: 'BBB-2' },
      { line: 5, text: 'CCC-3' },
    ]);
  });

  it('reads a line split across chunks as one line', async () => {
    expect(await collect(linesOfStream(Readable.from(['AB', 'C-1\nDE', 'F-2'])))).toEqual([
      { line: 1, text: 'ABC-1' },
      { line: 2, text: 'DEF-2' },
    ]);
  });
});
