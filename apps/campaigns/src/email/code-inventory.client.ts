import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@promo/platform';
import type { CampaignsConfig } from '../config/env.schema';

export interface IssuedCode {
  readonly code: string | null;
  readonly token: string | null;
}

/** A failure worth retrying later (network, 5xx); anything else is permanent for this email. */
export class CodeInventoryUnavailableError extends Error {}

function parseIssued(body: unknown): IssuedCode {
  if (typeof body !== 'object' || body === null) throw new Error('code-inventory answered a non-object');
  const code: unknown = Reflect.get(body, 'code');
  const token: unknown = Reflect.get(body, 'token');
  return { code: typeof code === 'string' ? code : null, token: typeof token === 'string' ? token : null };
}

/** code-inventory's `POST /v1/groups/{groupId}/issue` (internal-apis): the code an email carries. */
@Injectable()
export class CodeInventoryClient {
  constructor(@Inject(APP_CONFIG) private readonly config: CampaignsConfig) {}

  async issue(groupId: string, customerId: string, mode: 'first' | 'reissue'): Promise<IssuedCode> {
    let response: Response;
    try {
      response = await fetch(`${this.config.CODE_INVENTORY_URL}/v1/groups/${encodeURIComponent(groupId)}/issue`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': this.config.CODE_INVENTORY_API_KEY },
        body: JSON.stringify({ customerId, mode, bindToCustomer: true }),
      });
    } catch (error) {
      throw new CodeInventoryUnavailableError('code-inventory is unreachable', { cause: error });
    }
    if (response.status === 404) return { code: null, token: null }; // no such group: the macro renders empty (seed 001)
    if (response.status >= 500 || response.status === 429) throw new CodeInventoryUnavailableError(`code-inventory answered ${response.status}`);
    if (!response.ok) throw new Error(`code-inventory refused the issue: ${response.status}`);
    return parseIssued(await response.json());
  }
}
