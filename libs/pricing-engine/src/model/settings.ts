/** Store promotion settings (P9), exactly the conformance shape. */
export interface Settings {
  /** P9: how many codes one order may carry (default one). */
  readonly maxCodesPerOrder: number;
  readonly calculation: 'cumulative' | 'independent';
  readonly zeroPriceTriggers: boolean;
  readonly overriddenPriceQualifies: boolean;
  /** IANA zone for schedules that name none. */
  readonly timeZone: string;
  /** README rule 11: prices and promotion amounts are gross (tax included); the result reports each line's tax share. */
  readonly pricesIncludeTax: boolean;
  /** README rule 10: a line that is not discountable still counts toward conditions and tiers. */
  readonly nonDiscountableCountsTowardConditions: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  maxCodesPerOrder: 1,
  calculation: 'cumulative',
  zeroPriceTriggers: true,
  overriddenPriceQualifies: false,
  timeZone: 'UTC',
  pricesIncludeTax: false,
  nonDiscountableCountsTowardConditions: true,
};
