import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Parser } from '@asyncapi/parser';
import { parse } from 'yaml';
import { buildAsyncApiDocument } from './asyncapi-document';

const ASYNCAPI_FILE = path.resolve(__dirname, '../../asyncapi.yaml');
const ERROR = 0; // DiagnosticSeverity.Error

describe('libs/contracts/asyncapi.yaml', () => {
  const text = readFileSync(ASYNCAPI_FILE, 'utf8');

  it('is a valid AsyncAPI 3.0 document: the parser reports no error', async () => {
    const { document, diagnostics } = await new Parser().parse(text);
    const errors = diagnostics.filter((d) => d.severity === ERROR).map((d) => `${d.path.join('.')}: ${d.message}`);
    expect(errors).toEqual([]);
    expect(document?.version()).toBe('3.0.0');
    const addresses = document?.channels().all().map((c) => c.address()) ?? [];
    expect(addresses).toEqual(
      expect.arrayContaining([
        'cart.updated',
        'order.placed',
        'order.cancelled',
        'customer.inactive',
        'pricing.promotion-changed',
        'pricing.cart-priced',
        'redemption.recorded',
        'redemption.rejected',
        'redemption.reversed',
        'code-inventory.code-changed',
        'code-inventory.code-issued',
        'code-inventory.codes-added',
        'campaigns.email-sent',
        'order.placed.redemption-ledger.dlq',
        'cart.updated.campaigns.dlq',
      ]),
    );
  });

  it('is up to date with the JSON Schemas (regenerate with tools/contracts/generate-asyncapi.ts)', () => {
    expect(parse(text)).toEqual(buildAsyncApiDocument());
  });

  it('embeds the data schema of each event, with the shared definitions resolved into components', async () => {
    const { document } = await new Parser().parse(text);
    const message = document?.messages().all().find((m) => m.name() === 'order.placed');
    const payload = message?.payload()?.json() as { allOf: { properties?: { data?: { required?: string[] } } }[] };
    expect(payload.allOf[1]?.properties?.data?.required).toEqual(expect.arrayContaining(['orderId']));
    const dlq = document?.messages().all().find((m) => m.name() === 'dead-letter');
    expect(Object.keys((dlq?.headers()?.json() as { properties: object }).properties)).toEqual(
      expect.arrayContaining(['dlq-reason', 'dlq-original-topic', 'dlq-original-partition', 'dlq-original-offset', 'dlq-consumer-group']),
    );
  });
});
