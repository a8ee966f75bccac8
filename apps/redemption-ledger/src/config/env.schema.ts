import { commonEnvSchema } from '@promo/platform';
import type { z } from 'zod';

/** The redemption-ledger service's environment, validated once at boot (STYLE.md "Config"). */
export const redemptionLedgerEnvSchema = commonEnvSchema({ httpPort: 3003 });

export type RedemptionLedgerConfig = z.infer<typeof redemptionLedgerEnvSchema>;
