import { commonEnvSchema } from '@promo/platform';
import type { z } from 'zod';

/** The pricing service's environment, validated once at boot (STYLE.md "Config"). */
export const pricingEnvSchema = commonEnvSchema({ httpPort: 3001 });

export type PricingConfig = z.infer<typeof pricingEnvSchema>;
