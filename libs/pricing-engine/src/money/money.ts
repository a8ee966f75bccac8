import type { CurrencyCode } from './currencies';

/** An amount of money: `amount` is a safe integer of minor units of `currency` (P8). */
export interface Money {
  readonly amount: number;
  readonly currency: CurrencyCode;
}

/** Asserts a minor-unit amount at an edge: a non-negative safe integer. */
export function assertMinorUnits(amount: number): number {
  if (!Number.isSafeInteger(amount) || amount < 0) {
    throw new RangeError(`Not an amount of minor units: ${amount}`);
  }
  return amount;
}

/** Money with its amount asserted. */
export function money(amount: number, currency: CurrencyCode): Money {
  return { amount: assertMinorUnits(amount), currency };
}

/** Adds two amounts of one currency; mixing currencies throws. */
export function addMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amount + b.amount, a.currency);
}

/** Subtracts `b` from `a`, never below zero (P7: nothing goes below zero); mixing currencies throws. */
export function subtractMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(Math.max(0, a.amount - b.amount), a.currency);
}

function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new RangeError(`Cannot mix ${a.currency} and ${b.currency}`);
}
