import { ApiProperty, type ApiPropertyOptions, ApiPropertyOptional } from '@nestjs/swagger';
import { PROMOTION_BODY_REF } from './admin-api.schemas';
import { PRICE_REQUEST_SCHEMA } from './price-api.schemas';

// The OpenAPI shape of the dry-run's body: the cart's is price-api.schemas.ts's and a draft's is promotion.schema.json's
// (admin-api.schemas.ts), both from the contracts' schema files. Validation is the engine's (parseCart, parsePromotion),
// which names every bad field with a reason.

export class DryRunBodyDoc {
  @ApiProperty(PRICE_REQUEST_SCHEMA as ApiPropertyOptions)
  cart!: Record<string, unknown>;

  @ApiPropertyOptional({ type: 'array', items: PROMOTION_BODY_REF, description: 'Drafts added, or replacing stored promotions of the same id' })
  promotions?: Record<string, unknown>[];

  @ApiPropertyOptional({ description: 'RFC 3339 instant to price at (default: now)', example: '2026-11-27T09:00:00Z' })
  at?: string;
}
