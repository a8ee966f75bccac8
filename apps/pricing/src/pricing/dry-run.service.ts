import { Injectable } from '@nestjs/common';
import { ValidationFailedError } from '@promo/platform';
import { CartPricingService } from './cart-pricing.service';
import { snapshotWithDrafts } from './draft-snapshot';
import { parsePriceRequest } from './price-request';
import type { PricedCart } from './priced-cart';

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Prices a cart as it would be with draft promotions (added, or replacing stored ones); nothing is stored. */
@Injectable()
export class DryRunService {
  constructor(private readonly pricing: CartPricingService) {}

  async dryRun(body: unknown): Promise<PricedCart> {
    if (!isRecord(body)) throw new ValidationFailedError([{ field: '(root)', reason: 'invalid_type', detail: 'The body must be {"cart", "promotions", "at"?}.' }]);
    const request = parsePriceRequest(body['cart'], 'cart');
    const drafts = snapshotWithDrafts(this.pricing.currentSnapshot(), body['promotions'] ?? []);
    const at = body['at'];
    const atDate = typeof at === 'string' ? new Date(at) : undefined;
    const errors = [...(request.ok ? [] : request.errors), ...(drafts.ok ? [] : drafts.errors)];
    if (at !== undefined && (atDate === undefined || Number.isNaN(atDate.getTime()))) {
      errors.push({ field: 'at', reason: 'invalid_value', detail: 'at must be an RFC 3339 instant.' });
    }
    if (!request.ok || !drafts.ok || errors.length > 0) throw new ValidationFailedError(errors);
    return this.pricing.price(request.request.cart, request.request.token, { snapshot: drafts.snapshot, remember: false, ...(atDate === undefined ? {} : { at: atDate }) });
  }
}
