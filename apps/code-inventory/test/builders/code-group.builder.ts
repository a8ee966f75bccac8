import { uniqueSuffix } from '@promo/platform/testing';
import type { InventoryApp } from '../support/inventory-app';

/** A group with unique ids and, optionally, `count` uploaded codes `<prefix>-0001`…; returns its ids and codes. */
export async function aGroupWithCodes(inventory: InventoryApp, count: number, name = 'Win-back'): Promise<{ groupId: string; promotionId: string; codes: string[] }> {
  const suffix = uniqueSuffix().toUpperCase();
  const groupId = `G${suffix}`;
  const promotionId = `promo-${suffix.toLowerCase()}`;
  const created = await inventory.admin('POST', '/v1/groups', { groupId, name, promotionId });
  if (created.status !== 201) throw new Error(`group not created: ${created.status} ${await created.text()}`);
  const codes = Array.from({ length: count }, (_, index) => `C${suffix}-${String(index + 1).padStart(4, '0')}`);
  if (count > 0) {
    const uploaded = await inventory.admin('POST', `/v1/groups/${groupId}/codes`, { codes });
    if (uploaded.status !== 200) throw new Error(`codes not uploaded: ${uploaded.status} ${await uploaded.text()}`);
  }
  return { groupId, promotionId, codes };
}
