import { commonEnvSchema } from '@promo/platform';
import type { z } from 'zod';

/** The campaigns service's environment, validated once at boot (STYLE.md "Config"). */
export const campaignsEnvSchema = commonEnvSchema({ httpPort: 3004 });

export type CampaignsConfig = z.infer<typeof campaignsEnvSchema>;
