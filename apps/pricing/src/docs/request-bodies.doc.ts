import { ApiProperty, type ApiPropertyOptions, ApiPropertyOptional } from '@nestjs/swagger';
import { PRICE_REQUEST_SCHEMA } from './price-api.schemas';

// The OpenAPI shapes of the pricing service's request bodies. Validation is the engine's (parsePromotion,
// parseCart, settings parsing), which names every bad field with a reason; these classes only document the
// top level, so keep them in step. The cart's shape is price-api.schemas.ts's, from the contracts' schema files.
// The full grammar of conditions and rewards: libs/pricing-engine/src/model/promotion.ts, checked by
// libs/pricing-engine/src/validation/parse-promotion.ts.

export class PromotionLimitsDoc {
  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0, description: 'Uses of the promotion in all (the ledger enforces it at checkout)' })
  totalUses?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0, description: 'Uses per customer' })
  usesPerCustomer?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0, description: 'Uses per code of a coupon promotion' })
  usesPerCode?: number | null;

  @ApiPropertyOptional({ enum: ['cart', 'item'], description: 'Whether one order uses the promotion once or once per discounted item' })
  consumeUnit?: 'cart' | 'item';

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0, description: 'Total discount budget in minor units of targeting.currency (rule 19); the ledger enforces it at checkout' })
  budget?: number | null;
}

export class PromotionBodyDoc {
  @ApiProperty({ description: 'Stable id chosen by the merchant', example: 'summer-tiered' })
  id!: string;

  @ApiProperty({ enum: ['automatic', 'coupon'] })
  kind!: 'automatic' | 'coupon';

  @ApiPropertyOptional({ type: String, nullable: true })
  name?: string | null;

  @ApiPropertyOptional({ description: 'Automatic promotions apply by ascending priority (P7)' })
  priority?: number;

  @ApiPropertyOptional({ description: 'No lower-priority automatic promotion applies after this one' })
  stopAfter?: boolean;

  @ApiPropertyOptional({ enum: ['combinable', 'exclusive', 'rejectIfAutomatic', 'replaceIfBetter'] })
  stacking?: string;

  @ApiPropertyOptional({ description: 'channels, currency, customerGroups/segments/countries {include, exclude}, firstPurchaseOnly (P4)', type: 'object', additionalProperties: true })
  targeting?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'start/end local times in timeZone, recurring windows (P5)', type: 'object', additionalProperties: true, nullable: true })
  schedule?: Record<string, unknown> | null;

  @ApiPropertyOptional({ enum: ['all', 'lastQualifying'] })
  rulesMode?: string;

  @ApiProperty({ description: 'Each {conditions, reward}: conditions with all/any/not nesting, every reward type of P1-P3', type: 'array', items: { type: 'object', additionalProperties: true } })
  rules!: Record<string, unknown>[];

  @ApiPropertyOptional({ type: [String], description: 'Coupon promotions: shared codes (bulk codes live in code-inventory)' })
  codes?: string[];

  @ApiPropertyOptional({ type: PromotionLimitsDoc })
  limits?: PromotionLimitsDoc;

  @ApiPropertyOptional({ default: true })
  enabled?: boolean;

  @ApiPropertyOptional({ description: 'PUT: the version read (or send If-Match); a stale one is a 409' })
  version?: number;
}

export class DryRunBodyDoc {
  @ApiProperty(PRICE_REQUEST_SCHEMA as ApiPropertyOptions)
  cart!: Record<string, unknown>;

  @ApiPropertyOptional({ type: [PromotionBodyDoc], description: 'Drafts added, or replacing stored promotions of the same id' })
  promotions?: PromotionBodyDoc[];

  @ApiPropertyOptional({ description: 'RFC 3339 instant to price at (default: now)', example: '2026-11-27T09:00:00Z' })
  at?: string;
}

export class SettingsBodyDoc {
  @ApiProperty({ minimum: 1, description: 'P9: how many codes one order may carry' })
  maxCodesPerOrder!: number;

  @ApiProperty({ enum: ['cumulative', 'independent'] })
  calculation!: string;

  @ApiProperty({ description: 'Items priced 0 still count towards conditions' })
  zeroPriceTriggers!: boolean;

  @ApiProperty({ description: 'Items with an overridden price still qualify' })
  overriddenPriceQualifies!: boolean;

  @ApiProperty({ description: 'IANA zone for schedules that name none', example: 'America/New_York' })
  timeZone!: string;

  @ApiPropertyOptional({ default: 'en-US', description: 'BCP 47 tag the console shows money and dates in (pricing never depends on it)', example: 'de-DE' })
  locale?: string;

  @ApiPropertyOptional({ description: 'The version read (or send If-Match); a stale one is a 409' })
  version?: number;
}
