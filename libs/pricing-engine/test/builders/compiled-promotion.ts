import { promotionCompiler } from '../../src/index/index-state';
import type { Settings } from '../../src/model/settings';
import type { CompiledPromotion } from '../../src/stacking/compiled-promotion';

/** A wire promotion compiled as the index does (shared parts, resolved schedule); throws if it is invalid. */
export function aCompiledPromotion(raw: unknown, settings: Settings): CompiledPromotion {
  const listed = promotionCompiler(settings).list(raw, 0);
  if (!listed.outcome.ok) throw new Error(`Invalid promotion: ${JSON.stringify(listed.outcome.errors)}`);
  return listed.outcome.placed.compiled;
}
