/**
 * An item selector as a merchant types it: `category: shoes, bags` (also sku, product, variant, brand),
 * `all` for any item, or the engine's JSON (`{"include": {...}, "exclude": {...}}`) for anything richer.
 */
const LIST_KEYS = ['category', 'sku', 'product', 'variant', 'brand'] as const;

export type ItemsParse = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly detail: string };

export function parseItemsText(text: string): ItemsParse {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.toLowerCase() === 'all') return { ok: true, value: null };
  if (trimmed.startsWith('{')) {
    try {
      return { ok: true, value: JSON.parse(trimmed) as unknown };
    } catch {
      return { ok: false, detail: 'The items JSON does not parse.' };
    }
  }
  const match = /^([a-z]+)\s*:\s*(.+)$/i.exec(trimmed);
  const key = LIST_KEYS.find((k) => k === match?.[1]?.toLowerCase());
  if (match?.[2] === undefined || key === undefined) return { ok: false, detail: 'Write "category: a, b" (or sku, product, variant, brand), "all", or JSON.' };
  const values = match[2].split(',').map((v) => v.trim()).filter((v) => v !== '');
  return { ok: true, value: { include: { [key]: values } } };
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The wire selector back as text: the short form when it is one list, else JSON. */
export function itemsToText(value: unknown): string {
  if (value === undefined || value === null) return 'all';
  if (isRecord(value) && Object.keys(value).length === 1 && isRecord(value['include'])) {
    const include = value['include'];
    const keys = Object.keys(include);
    const key = LIST_KEYS.find((k) => keys.length === 1 && keys[0] === k);
    const list = key === undefined ? undefined : include[key];
    if (key !== undefined && Array.isArray(list) && list.every((v) => typeof v === 'string')) return `${key}: ${list.join(', ')}`;
    if (keys.length === 1 && include['anyItem'] === true) return 'all';
  }
  return JSON.stringify(value);
}
