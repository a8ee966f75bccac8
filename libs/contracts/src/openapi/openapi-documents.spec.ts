import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { createConfig, lint, type NormalizedProblem } from '@redocly/openapi-core';

// #24: each committed OpenAPI document (npm run contracts:openapi) is a valid OpenAPI document to a real
// validator, and Redocly's recommended rules find nothing in it, not even a warning: swagger-parser has no
// warnings channel, so the lint is where warnings show.
const OPENAPI_DIR = path.resolve(__dirname, '../../openapi');
const DOCUMENTS = readdirSync(OPENAPI_DIR).filter((name) => name.endsWith('.openapi.json')).sort();

// By design, the probes answer 200 or 503 and nothing in 4xx, and a tracked link answers a redirect, no 2xx;
// every other operation must document both.
const EXPECTED: Readonly<Record<string, ReadonlySet<string>>> = {
  'operation-4xx-response': new Set(['#/paths/~1health~1live/get/responses', '#/paths/~1health~1ready/get/responses', '#/paths/~1metrics/get/responses']),
  'operation-2xx-response': new Set(['#/paths/~1v1~1links~1{emailId}/get/responses']),
};

function isByDesign(problem: NormalizedProblem): boolean {
  const pointers = EXPECTED[problem.ruleId];
  return pointers !== undefined && problem.location.every((location) => pointers.has(location.pointer ?? ''));
}

describe('the committed OpenAPI documents', () => {
  it('are one per service', () => {
    expect(DOCUMENTS).toEqual(['campaigns.openapi.json', 'code-inventory.openapi.json', 'pricing.openapi.json', 'redemption-ledger.openapi.json']);
  });

  it.each(DOCUMENTS)('%s passes swagger-parser validation', async (name) => {
    const document: unknown = JSON.parse(readFileSync(path.join(OPENAPI_DIR, name), 'utf8'));
    // validate() dereferences in place: give it a copy.
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
  });

  it.each(DOCUMENTS)('%s has no error or warning under the recommended lint rules', async (name) => {
    // Recommended, plus: every 4xx is problem+json (STYLE.md "Errors").
    const config = await createConfig({ extends: ['recommended'], rules: { 'operation-4xx-problem-details-rfc7807': 'error' } });
    const problems = (await lint({ ref: path.join(OPENAPI_DIR, name), config })).filter((problem) => !isByDesign(problem));
    expect(problems.map((problem) => `${problem.severity} ${problem.ruleId}: ${problem.message} at ${problem.location.map((l) => l.pointer).join(', ')}`)).toEqual([]);
  });
});
