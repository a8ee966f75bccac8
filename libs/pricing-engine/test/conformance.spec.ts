import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type PricingResult, parsePricingInput, price } from '../src';

/**
 * Runs the conformance suite: byte-identical copies of the upstream scenario files in
 * test/conformance/ (scenarios.json, Version 1; scenarios-v2.json, Version 2), compared as the
 * suite prescribes. Version 1: subtotal, discounts (absent id = 0), shipping, total and gifts
 * (as a multiset) exactly; allocation and codes only for the entries a scenario gives, a missing
 * allocation line counting as 0. Version 2 adds taxDiscount when given, shippingMethods exactly
 * (as a list) when given, and each given field of each given line.
 */
interface ExpectedLine {
  readonly discount?: number;
  readonly taxDiscount?: number;
  readonly netDiscount?: number;
}

interface Scenario {
  readonly id: string;
  readonly title: string;
  readonly features: readonly string[];
  readonly settings: unknown;
  readonly promotions: unknown;
  readonly cart: unknown;
  readonly at: string;
  readonly expected: {
    readonly subtotal: number;
    readonly discounts: Readonly<Record<string, number>>;
    readonly allocation?: Readonly<Record<string, Readonly<Record<string, number>>>>;
    readonly shipping?: { readonly amount: number; readonly discount: number; readonly total: number };
    readonly gifts?: readonly { readonly promotionId: string; readonly sku: string; readonly quantity: number }[];
    readonly total: number;
    readonly codes?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
    readonly lines?: Readonly<Record<string, ExpectedLine>> | readonly (ExpectedLine & { readonly lineId: string })[];
    readonly taxDiscount?: number;
    readonly shippingMethods?: readonly unknown[];
  };
}

interface ScenarioFile {
  readonly version: number;
  readonly scenarios: readonly Scenario[];
}

function readScenarios(name: string): ScenarioFile {
  return JSON.parse(readFileSync(join(__dirname, 'conformance', name), 'utf8')) as ScenarioFile;
}

const v1 = readScenarios('scenarios.json');
const v2 = readScenarios('scenarios-v2.json');

/** The Version 2 feature tags (README "Version 2 files") the engine implements; a scenario runs when all of its tags are here. */
const IMPLEMENTED_V2_FEATURES: ReadonlySet<string> = new Set<string>(['V2-discountable', 'V2-targeting', 'V2-filters', 'V2-lines-amount', 'V2-fixed-order-total', 'V2-max-rounds', 'V2-shipping-list', 'V2-max-discount', 'V2-budget', 'V2-tax']);

/**
 * Version 2 scenarios that are not run yet because a feature they need is not implemented. Stated here by id so
 * nothing is skipped silently; the test below keeps this list equal to what the tags say.
 */
const V2_NOT_YET_RUN: readonly string[] = [];

function v2Tags(scenario: Scenario): string[] {
  return scenario.features.filter((feature) => feature.startsWith('V2-'));
}

function isRunnable(scenario: Scenario): boolean {
  return v2Tags(scenario).every((tag) => IMPLEMENTED_V2_FEATURES.has(tag));
}

function nonZero(discounts: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(discounts).filter(([, amount]) => amount !== 0));
}

function giftKey(gift: { readonly promotionId: string; readonly sku: string; readonly quantity: number }): string {
  return JSON.stringify([gift.promotionId, gift.sku, gift.quantity]);
}

/** Expected lines keyed by line id, whether the scenario gives them keyed or as a list (README "Expected, Version 2"). */
function expectedLinesById(lines: NonNullable<Scenario['expected']['lines']>): ReadonlyMap<string, ExpectedLine> {
  if (Array.isArray(lines)) return new Map(lines.map((line: ExpectedLine & { readonly lineId: string }) => [line.lineId, line]));
  return new Map(Object.entries(lines));
}

function priceScenario(scenario: Scenario): PricingResult {
  const parsed = parsePricingInput({ cart: scenario.cart, promotions: scenario.promotions, settings: scenario.settings, at: scenario.at });
  if (!parsed.ok) throw new Error(`Scenario input refused: ${JSON.stringify(parsed.errors)}`);
  return price(parsed.value);
}

function expectVersion1Figures(result: PricingResult, expected: Scenario['expected']): void {
  expect(result.subtotal).toBe(expected.subtotal);
  expect(nonZero(result.discounts)).toEqual(nonZero(expected.discounts));
  expect(result.shipping).toEqual(expected.shipping ?? null);
  expect(result.total).toBe(expected.total);
  expect(result.gifts.map(giftKey).sort()).toEqual((expected.gifts ?? []).map(giftKey).sort());

  for (const [promotionId, byLine] of Object.entries(expected.allocation ?? {})) {
    const actual = result.allocation[promotionId] ?? {};
    const lineIds = new Set([...Object.keys(byLine), ...Object.keys(actual)]);
    for (const lineId of lineIds) {
      expect({ promotionId, lineId, amount: actual[lineId] ?? 0 }).toEqual({ promotionId, lineId, amount: byLine[lineId] ?? 0 });
    }
  }

  for (const [code, outcome] of Object.entries(expected.codes ?? {})) {
    const actual = result.codes[code];
    expect(actual).toBeDefined();
    const projected = Object.fromEntries(
      Object.entries(actual ?? {}).filter(([key]) => key === 'status' || key === 'reason' || key === 'missing' || key === 'conflictsWith'),
    );
    expect({ code, ...projected }).toEqual({ code, ...outcome });
  }
}

function expectVersion2Figures(result: PricingResult, expected: Scenario['expected']): void {
  if (expected.taxDiscount !== undefined) expect(result.taxDiscount).toBe(expected.taxDiscount);
  if (expected.shippingMethods !== undefined) expect(result.shippingMethods).toEqual(expected.shippingMethods);
  if (expected.lines === undefined) return;
  const actualLines = new Map(result.lines.map((line) => [line.lineId, line]));
  for (const [lineId, fields] of expectedLinesById(expected.lines)) {
    const actual = actualLines.get(lineId);
    expect({ lineId, found: actual !== undefined }).toEqual({ lineId, found: true });
    const projected = Object.fromEntries(Object.keys(fields).filter((key) => key !== 'lineId').map((key) => [key, (actual as Readonly<Record<string, unknown>> | undefined)?.[key]]));
    const wanted = Object.fromEntries(Object.entries(fields).filter(([key]) => key !== 'lineId'));
    expect({ lineId, ...projected }).toEqual({ lineId, ...wanted });
  }
}

describe('conformance scenarios, Version 1', () => {
  it('reads a version 1 file of scenarios with unique ids', () => {
    expect(v1.version).toBe(1);
    expect(v1.scenarios.length).toBe(66);
    const ids = v1.scenarios.map((scenario) => scenario.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(v1.scenarios.map((scenario) => [scenario.id, scenario] as const))('%s', (_id, scenario) => {
    expectVersion1Figures(priceScenario(scenario), scenario.expected);
  });
});

describe('conformance scenarios, Version 2', () => {
  it('reads a version 2 file of scenarios whose ids are unique across both files', () => {
    expect(v2.version).toBe(2);
    expect(v2.scenarios.length).toBe(23);
    const ids = [...v1.scenarios, ...v2.scenarios].map((scenario) => scenario.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('states every Version 2 scenario not run yet, because it needs a feature not implemented', () => {
    const notRun = v2.scenarios.filter((scenario) => !isRunnable(scenario)).map((scenario) => scenario.id);
    expect(notRun).toEqual(V2_NOT_YET_RUN);
  });

  it.each(v2.scenarios.filter(isRunnable).map((scenario) => [scenario.id, scenario] as const))('%s', (_id, scenario) => {
    const result = priceScenario(scenario);
    expectVersion1Figures(result, scenario.expected);
    expectVersion2Figures(result, scenario.expected);
  });
});
