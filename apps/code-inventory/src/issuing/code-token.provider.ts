import type { Provider } from '@nestjs/common';
import { APP_CONFIG } from '@promo/platform';
import type { CodeInventoryConfig } from '../config/env.schema';
import { CodeTokenSigner } from './code-token.signer';

export const codeTokenSignerProvider: Provider = {
  provide: CodeTokenSigner,
  inject: [APP_CONFIG],
  useFactory: (config: CodeInventoryConfig) => CodeTokenSigner.fromConfig(config.CODE_TOKEN_KEYS, config.CODE_TOKEN_ACTIVE_KEY_ID),
};
