/**
 * Prices a file: `npm run price --silent -- <file.json>` (or `-` for stdin) reads
 * `{cart, promotions, settings, at}` and prints the result JSON (#5). Bad input exits 2 and
 * prints `{"errors": [{field, reason, detail}]}`.
 */
import { readFileSync } from 'node:fs';
import { type ValidationError, tryPrice } from '@promo/pricing-engine';

const USAGE = 'usage: npm run price --silent -- <file.json | ->';

function readInput(source: string): string {
  return source === '-' ? readFileSync(0, 'utf8') : readFileSync(source, 'utf8');
}

function fail(errors: readonly ValidationError[]): never {
  process.stdout.write(`${JSON.stringify({ errors }, null, 2)}\n`);
  process.exit(2);
}

function main(argv: readonly string[]): void {
  const source = argv[0];
  if (source === undefined || argv.length > 1) fail([{ field: '(argv)', reason: 'required', detail: USAGE }]);
  let text: string;
  try {
    text = readInput(source);
  } catch (error: unknown) {
    fail([{ field: '(file)', reason: 'unreadable', detail: error instanceof Error ? error.message : String(error) }]);
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error: unknown) {
    fail([{ field: '(root)', reason: 'invalid_json', detail: error instanceof Error ? error.message : String(error) }]);
  }
  const priced = tryPrice(input);
  if (!priced.ok) fail(priced.errors);
  process.stdout.write(`${JSON.stringify(priced.result, null, 2)}\n`);
}

main(process.argv.slice(2));
