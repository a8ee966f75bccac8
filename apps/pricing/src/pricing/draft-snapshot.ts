import type { ValidationError } from '@promo/pricing-engine';
import { parsePromotionDraft } from '../promotions/promotion-draft';
import { buildSnapshot, type IndexEntry, type IndexSnapshot } from '../promotion-index/index-snapshot';

/**
 * A snapshot with draft promotions added, or replacing the stored ones of the same id (dry-run and impact).
 * A disabled draft removes its promotion. Field paths are `promotions[i]…`; nothing is stored.
 */
export function snapshotWithDrafts(base: IndexSnapshot, drafts: unknown): { ok: true; snapshot: IndexSnapshot } | { ok: false; errors: readonly ValidationError[] } {
  if (!Array.isArray(drafts)) return { ok: false, errors: [{ field: 'promotions', reason: 'invalid_type', detail: 'promotions must be an array of draft promotions.' }] };
  const errors: ValidationError[] = [];
  const replaced = new Set<string>();
  const added: IndexEntry[] = [];
  drafts.forEach((raw: unknown, i: number) => {
    const parsed = parsePromotionDraft(raw);
    if (!parsed.ok) {
      errors.push(...parsed.errors.map((error) => ({ ...error, field: error.field === '(root)' ? `promotions[${i}]` : `promotions[${i}].${error.field}` })));
      return;
    }
    const { draft } = parsed;
    if (replaced.has(draft.id)) errors.push({ field: `promotions[${i}].id`, reason: 'duplicate', detail: `${draft.id} is drafted twice.` });
    replaced.add(draft.id);
    if (draft.enabled) added.push({ id: draft.id, kind: draft.promotion.kind, definition: draft.definition, limits: draft.limits });
  });
  if (errors.length > 0) return { ok: false, errors };
  const entries = [...base.entries.filter((entry) => !replaced.has(entry.id)), ...added];
  return { ok: true, snapshot: buildSnapshot(entries, base.settings, base.version) };
}
