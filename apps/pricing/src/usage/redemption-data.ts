export interface RedemptionFields {
  readonly promotionId: string;
  readonly code: string | null;
  readonly customerId: string | null;
  readonly units: number;
}

/** The fields the projection needs from a schema-validated `redemption.*` data object, narrowed without casts. */
export function readRedemption(data: unknown): RedemptionFields | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const promotionId = 'promotionId' in data ? data.promotionId : undefined;
  const code = 'code' in data ? data.code : null;
  const customerId = 'customerId' in data ? data.customerId : null;
  const units = 'units' in data ? data.units : undefined;
  if (typeof promotionId !== 'string' || typeof units !== 'number' || !Number.isSafeInteger(units) || units < 0) return undefined;
  return {
    promotionId,
    code: typeof code === 'string' && code.trim() !== '' ? code : null,
    customerId: typeof customerId === 'string' && customerId !== '' ? customerId : null,
    units,
  };
}
