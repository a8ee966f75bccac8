import type { EntityManager } from 'typeorm';

/**
 * The suppression rule (K3), the one place both kinds of campaign ask it: an address on the suppression list
 * (unsubscribed, or blocked by the merchant) gets no campaign email. `email` is a normalised address
 * (email-address.ts), as the list holds them; none means nothing to suppress.
 */
export async function isSuppressed(manager: EntityManager, email: string | null): Promise<boolean> {
  if (email === null) return false;
  const rows: unknown[] = await manager.query(`SELECT 1 FROM suppressions WHERE email = $1 LIMIT 1`, [email]);
  return rows.length > 0;
}
