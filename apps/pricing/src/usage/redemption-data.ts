export interface RedemptionFields {
  readonly promotionId: string;
  readonly code: string | null;
  readonly customerId: string | null;
  readonly units: number;
  /** Minor units the use gave (#23: counted against a budget); 0 when the event does not say (before #23). */
  readonly discountAmount: number;
}

/** The fields the projection needs from a schema-validated `redemption.*` data object, narrowed without casts. */
export function readRedemption(data: unknown): RedemptionFields | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const promotionId = 'promotionId' in data ? data.promotionId : undefined;
  const code = 'code' in data ? data.code : null;
  const customerId = 'customerId' in data ? data.customerId : null;
  const units = 'units' in data ? data.units : undefined;
  const discountAmount = 'discountAmount' in data ? data.discountAmount : 0;
  if (typeof promotionId !== 'string' || typeof units !== 'number' || !Number.isSafeInteger(units) || units < 0) return undefined;
  return {
    promotionId,
    code: typeof code === 'string' && code.trim() !== '' ? code : null,
    customerId: typeof customerId === 'string' && customerId !== '' ? customerId : null,
    units,
    discountAmount: typeof discountAmount === 'number' && Number.isSafeInteger(discountAmount) && discountAmount > 0 ? discountAmount : 0,
  };
}
