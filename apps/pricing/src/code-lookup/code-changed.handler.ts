import { Injectable } from '@nestjs/common';
import type { CloudEvent } from '@promo/contracts';
import type { EventHandler } from '@promo/messaging';
import { normalizeCode } from '@promo/pricing-engine';
import { CodeResolver } from './code-resolver.service';

/** `code-inventory.code-changed` on this replica's own group: every replica drops its cached lookups of the code. */
@Injectable()
export class CodeChangedHandler implements EventHandler {
  readonly eventType = 'code-inventory.code-changed';

  constructor(private readonly resolver: CodeResolver) {}

  async handle(event: CloudEvent): Promise<void> {
    const data: unknown = event.data;
    // The consumer validated the data against its schema; the guard narrows it without a cast.
    if (typeof data === 'object' && data !== null && 'code' in data && typeof data.code === 'string') {
      this.resolver.invalidate(normalizeCode(data.code));
    }
  }
}
