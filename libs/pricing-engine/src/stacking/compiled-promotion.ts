import type { Promotion } from '../model/promotion';
import type { CompiledSchedule } from '../schedule/schedule';

/** A validated promotion with what pricing needs precomputed (schedule instants, BOGO flag). */
export interface CompiledPromotion {
  readonly promotion: Promotion;
  readonly schedule: CompiledSchedule | null;
  /** P7: a code with a buy-X-get-Y reward never stacks with another code. */
  readonly givesBuyXGetY: boolean;
}
