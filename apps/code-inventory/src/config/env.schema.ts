import { commonEnvSchema } from '@promo/platform';
import type { z } from 'zod';

/** The code-inventory service's environment, validated once at boot (STYLE.md "Config"). */
export const codeInventoryEnvSchema = commonEnvSchema({ httpPort: 3002 });

export type CodeInventoryConfig = z.infer<typeof codeInventoryEnvSchema>;
