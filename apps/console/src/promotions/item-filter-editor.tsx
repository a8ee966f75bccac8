import { useId, useState } from 'react';
import { Field } from '../ui/field';
import { useSuggestions } from './suggestions-context';
import {
  type FilterDraft, type ItemsDraft, LIST_FILTER_KEYS, type ListFilterKey, NAMED_FILTER_KEYS, type NamedFilterKey, emptyItems,
} from './condition-draft';

const LIST_LABELS: Readonly<Record<ListFilterKey, string>> = { product: 'Product', category: 'Category', brand: 'Brand', sku: 'SKU', variant: 'Variant' };
const NAMED_LABELS: Readonly<Record<NamedFilterKey, string>> = { option: 'Option', customField: 'Custom field' };

interface ValuesProps {
  readonly label: string;
  /** Which values to suggest (see `SuggestionKey`). */
  readonly suggest: string;
  readonly name: string;
  readonly values: readonly string[];
  readonly errors: ReadonlyMap<string, string>;
  readonly onChange: (values: readonly string[]) => void;
}

/** A list of values as removable chips, a new one typed (Enter or "Add") and suggested from a datalist. */
function ValuesPicker({ label, suggest, name, values, errors, onChange }: ValuesProps) {
  const [text, setText] = useState('');
  const listId = useId();
  const suggestions = useSuggestions(suggest);
  const add = () => {
    const value = text.trim();
    if (value !== '' && !values.includes(value)) onChange([...values, value]);
    setText('');
  };
  return (
    <div className="picker" data-picker={name}>
      <Field label={label} path={name} errors={errors}>
        <input
          name={name}
          list={listId}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            add();
          }}
        />
      </Field>
      <datalist id={listId}>
        {suggestions.filter((s) => !values.includes(s)).map((s) => <option key={s} value={s} />)}
      </datalist>
      <button type="button" aria-label={`Add to ${label}`} onClick={add}>Add</button>
      {values.length === 0 ? null : (
        <ul className="chips" aria-label={label}>
          {values.map((value) => (
            <li key={value} data-value={value}>
              {value}
              <button type="button" aria-label={`Remove ${value} from ${label}`} onClick={() => onChange(values.filter((v) => v !== value))}>×</button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function NameSuggestions({ id, suggest }: { readonly id: string; readonly suggest: string }) {
  const names = useSuggestions(suggest);
  return <datalist id={id}>{names.map((n) => <option key={n} value={n} />)}</datalist>;
}

interface FilterProps {
  readonly title: 'Include' | 'Exclude';
  readonly currency: string;
  readonly filter: FilterDraft;
  readonly path: string;
  readonly errors: ReadonlyMap<string, string>;
  readonly onChange: (filter: FilterDraft) => void;
}

/** One side of a selector: a picker per filter key of the engine (parse-filter.ts); every filled picker must match. */
type FilterKey = ListFilterKey | NamedFilterKey | 'onSale' | 'unitPrice';

const FILTER_KEYS: readonly FilterKey[] = [...LIST_FILTER_KEYS, ...NAMED_FILTER_KEYS, 'onSale', 'unitPrice'];
const FILTER_LABELS: Readonly<Record<FilterKey, string>> = { ...LIST_LABELS, ...NAMED_LABELS, onSale: 'On sale', unitPrice: 'Unit price' };

function isFilled(filter: FilterDraft, key: FilterKey): boolean {
  if (key === 'onSale') return filter.onSale !== '';
  if (key === 'unitPrice') return filter.unitPriceMin !== '' || filter.unitPriceMax !== '';
  const list = LIST_FILTER_KEYS.find((k) => k === key);
  if (list !== undefined) return filter.lists[list].length > 0;
  const named = NAMED_FILTER_KEYS.find((k) => k === key);
  return named !== undefined && (filter.named[named].name !== '' || filter.named[named].values.length > 0);
}

/**
 * One side of a selector: a picker per filter key of the engine (parse-filter.ts) that has values or that the
 * merchant chose to add; every filled picker must match. Unused keys wait in a select, so a leaf stays short.
 */
function FilterPickers({ title, currency, filter, path, errors, onChange }: FilterProps) {
  const [opened, setOpened] = useState<readonly FilterKey[]>([]);
  const shown = FILTER_KEYS.filter((key) => opened.includes(key) || isFilled(filter, key));
  const hidden = FILTER_KEYS.filter((key) => !shown.includes(key));
  return (
    <fieldset className="filter" data-path={path}>
      <legend>{title === 'Include' ? 'Include only (none: every item)' : 'Exclude (wins over include)'}</legend>
      <div className="row">
        {LIST_FILTER_KEYS.filter((key) => shown.includes(key)).map((key) => (
          <ValuesPicker
            key={key}
            label={`${title} ${LIST_LABELS[key].toLowerCase()}`}
            suggest={key}
            name={`${path}.${key}`}
            values={filter.lists[key]}
            errors={errors}
            onChange={(values) => onChange({ ...filter, lists: { ...filter.lists, [key]: values } })}
          />
        ))}
        {NAMED_FILTER_KEYS.filter((key) => shown.includes(key)).map((key) => (
          <div className="named-filter" key={key}>
            <Field label={`${title} ${NAMED_LABELS[key].toLowerCase()} name`} path={`${path}.${key}.name`} errors={errors}>
              <input name={`${path}.${key}.name`} list={`${path}.${key}.names`} value={filter.named[key].name} onChange={(e) => onChange({ ...filter, named: { ...filter.named, [key]: { ...filter.named[key], name: e.target.value } } })} />
            </Field>
            <NameSuggestions id={`${path}.${key}.names`} suggest={key} />
            <ValuesPicker
              label={`${title} ${NAMED_LABELS[key].toLowerCase()} values`}
              suggest={filter.named[key].name === '' ? '' : `${key}:${filter.named[key].name}`}
              name={`${path}.${key}.in`}
              values={filter.named[key].values}
              errors={errors}
              onChange={(values) => onChange({ ...filter, named: { ...filter.named, [key]: { ...filter.named[key], values } } })}
            />
          </div>
        ))}
        {shown.includes('onSale') ? (
          <Field label={`${title} on sale`} path={`${path}.onSale`} errors={errors}>
            <select name={`${path}.onSale`} value={filter.onSale} onChange={(e) => onChange({ ...filter, onSale: e.target.value === 'true' ? 'true' : e.target.value === 'false' ? 'false' : '' })}>
              <option value="">either</option>
              <option value="true">on sale</option>
              <option value="false">not on sale</option>
            </select>
          </Field>
        ) : null}
        {shown.includes('unitPrice') ? (
          <>
            <Field label={`${title} unit price from (${currency})`} path={`${path}.unitPrice.min`} errors={errors}>
              <input name={`${path}.unitPrice.min`} value={filter.unitPriceMin} onChange={(e) => onChange({ ...filter, unitPriceMin: e.target.value })} />
            </Field>
            <Field label={`${title} unit price up to (${currency})`} path={`${path}.unitPrice.max`} errors={errors}>
              <input name={`${path}.unitPrice.max`} value={filter.unitPriceMax} onChange={(e) => onChange({ ...filter, unitPriceMax: e.target.value })} />
            </Field>
          </>
        ) : null}
        {hidden.length === 0 ? null : (
          <Field label={`${title} by`} path={`${path}.add`} errors={errors}>
            <select name={`${path}.add`} value="" onChange={(e) => setOpened([...opened, ...hidden.filter((key) => key === e.target.value)])}>
              <option value="">add a filter…</option>
              {hidden.map((key) => <option key={key} value={key}>{FILTER_LABELS[key]}</option>)}
            </select>
          </Field>
        )}
      </div>
    </fieldset>
  );
}

interface ItemsProps {
  readonly items: ItemsDraft;
  readonly currency: string;
  readonly path: string;
  readonly errors: ReadonlyMap<string, string>;
  readonly onChange: (items: ItemsDraft) => void;
}

/** A condition's items (P3, README rule 17): include and exclude pickers, or the engine's JSON for a selector the pickers cannot show. */
export function ItemsEditor({ items, currency, path, errors, onChange }: ItemsProps) {
  if (items.json !== null) {
    return (
      <div className="items" data-path={path}>
        <Field label="Items (JSON: these filters have no pickers)" path={path} errors={errors}>
          <textarea name={path} rows={3} value={items.json} onChange={(e) => onChange({ ...items, json: e.target.value })} />
        </Field>
        <button type="button" onClick={() => onChange(emptyItems())}>Clear and use pickers</button>
      </div>
    );
  }
  return (
    <div className="items" data-path={path}>
      <FilterPickers title="Include" currency={currency} filter={items.include} path={items.bare ? path : `${path}.include`} errors={errors} onChange={(include) => onChange({ ...items, include })} />
      <FilterPickers title="Exclude" currency={currency} filter={items.exclude} path={`${path}.exclude`} errors={errors} onChange={(exclude) => onChange({ ...items, exclude })} />
    </div>
  );
}
