import { Injectable } from '@nestjs/common';
import type { ReadinessCheck } from '@promo/platform';
import { PromotionIndexHolder } from './promotion-index.holder';

/** Not ready until this replica has built its first index (P11: pricing never falls back to the database). */
@Injectable()
export class PromotionIndexReadinessCheck implements ReadinessCheck {
  readonly name = 'promotion-index';

  constructor(private readonly holder: PromotionIndexHolder) {}

  async check(): Promise<void> {
    if (this.holder.current() === undefined) throw new Error('the first promotion index is not built yet');
  }
}
