import { type PromotionChangedData, validateData } from '@promo/contracts';
import type { FieldError } from '@promo/platform';

/** True when `data` matches the pricing.promotion-changed schema (libs/contracts). */
export function isPromotionChangedData(data: unknown): data is PromotionChangedData {
  const errors = validateData('pricing.promotion-changed', data);
  return errors !== undefined && errors.length === 0;
}

/** The schema's complaints about `data` as 400 field errors (`promotion.limits.totalUses`). */
export function promotionChangeFieldErrors(data: unknown): FieldError[] {
  const errors = validateData('pricing.promotion-changed', data) ?? [];
  return errors.map((error) => {
    const path = error.instancePath.split('/').filter((part) => part !== '');
    const missing = error.keyword === 'required' && typeof error.params['missingProperty'] === 'string' ? [error.params['missingProperty']] : [];
    const field = [...path, ...missing].map((part, index) => (/^\d+$/.test(part) ? `[${part}]` : index === 0 ? part : `.${part}`)).join('') || 'body';
    return { field, reason: error.keyword === 'required' ? 'required' : 'invalid', detail: error.message ?? 'is invalid' };
  });
}
