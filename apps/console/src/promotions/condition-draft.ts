/** A rule's condition as the builder edits it: all / any / not groups as blocks, one leaf per condition kind of the engine. */
import { CONDITION_KEYS, type ConditionKind as EngineConditionKind } from '@promo/pricing-engine';

export type GroupOperator = 'all' | 'any';

/** The engine's condition kinds that are checks of the cart (not a group and not "none"). */
export type LeafKind = Exclude<EngineConditionKind, 'none' | 'all' | 'any' | 'not'>;

/**
 * How each leaf kind looks on the wire: `{"subtotalAtLeast": n}` (no `valueKey`) or `{"<kind>": {"<valueKey>": n, "items"}}`.
 * A kind the engine adds fails the console's typecheck until it is described here.
 */
export interface LeafShape {
  readonly label: string;
  readonly valueKey: string | null;
  readonly valueLabel: string;
  /** The value is an amount (typed in major units); otherwise a whole number. */
  readonly money: boolean;
  readonly hasItems: boolean;
}

export const LEAF_SHAPES: Readonly<Record<LeafKind, LeafShape>> = {
  subtotalAtLeast: { label: 'Subtotal at least', valueKey: null, valueLabel: 'Subtotal', money: true, hasItems: false },
  quantityAtLeast: { label: 'Quantity of items at least', valueKey: 'count', valueLabel: 'Count', money: false, hasItems: true },
  valueAtLeast: { label: 'Value of items at least', valueKey: 'amount', valueLabel: 'Value', money: true, hasItems: true },
  lineQuantityAtLeast: { label: 'One line holds at least', valueKey: 'quantity', valueLabel: 'Quantity', money: false, hasItems: true },
};

function isLeafKind(kind: string): kind is LeafKind {
  return kind in LEAF_SHAPES;
}

/** Every leaf kind the engine's registry lists, in its order. */
export const LEAF_KINDS: readonly LeafKind[] = CONDITION_KEYS.filter(isLeafKind);

/** The filter keys that take a list of values (P3). */
export const LIST_FILTER_KEYS = ['product', 'category', 'brand', 'sku', 'variant'] as const;
export type ListFilterKey = (typeof LIST_FILTER_KEYS)[number];

/** The filter keys that take `{"name", "in": [..]}`. */
export const NAMED_FILTER_KEYS = ['option', 'customField'] as const;
export type NamedFilterKey = (typeof NAMED_FILTER_KEYS)[number];

export interface NamedValues {
  readonly name: string;
  readonly values: readonly string[];
}

/** One filter of the engine as pickers: every non-empty part must match (several keys in one filter mean all). */
export interface FilterDraft {
  readonly lists: Readonly<Record<ListFilterKey, readonly string[]>>;
  readonly named: Readonly<Record<NamedFilterKey, NamedValues>>;
  /** Version 2 (README rule 17): on sale or not; empty: either. */
  readonly onSale: '' | 'true' | 'false';
  /** Version 2 (README rule 17): the unit price's bounds in major units; empty: open. */
  readonly unitPriceMin: string;
  readonly unitPriceMax: string;
}

/**
 * A condition's items: include and exclude pickers; `bare` when the wire had the include filter alone (no
 * include/exclude wrapper), so it is sent back the same way; `json` for a selector the pickers cannot show.
 */
export interface ItemsDraft {
  readonly bare: boolean;
  readonly include: FilterDraft;
  readonly exclude: FilterDraft;
  readonly json: string | null;
}

export type ConditionNode =
  | { readonly type: 'group'; readonly operator: GroupOperator; readonly children: readonly ConditionNode[] }
  | { readonly type: 'not'; readonly child: ConditionNode }
  | { readonly type: 'leaf'; readonly kind: LeafKind; readonly value: string; readonly items: ItemsDraft }
  /** What the blocks cannot show (several keys in one object, a filter of rules 17/22): kept as the engine's JSON. */
  | { readonly type: 'json'; readonly json: string };

/** A rule's condition; null: always. */
export type ConditionDraft = ConditionNode | null;

export function emptyFilter(): FilterDraft {
  return {
    lists: { product: [], category: [], brand: [], sku: [], variant: [] },
    named: { option: { name: '', values: [] }, customField: { name: '', values: [] } },
    onSale: '',
    unitPriceMin: '',
    unitPriceMax: '',
  };
}

export function emptyItems(): ItemsDraft {
  return { bare: false, include: emptyFilter(), exclude: emptyFilter(), json: null };
}

export function emptyLeaf(kind: LeafKind = LEAF_KINDS[0] ?? 'subtotalAtLeast'): ConditionNode {
  return { type: 'leaf', kind, value: '', items: emptyItems() };
}

export function emptyGroup(operator: GroupOperator = 'all'): ConditionNode {
  return { type: 'group', operator, children: [emptyLeaf()] };
}
