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
  readonly filter: FilterDraft;
  readonly path: string;
  readonly errors: ReadonlyMap<string, string>;
  readonly onChange: (filter: FilterDraft) => void;
}

/** One side of a selector: a picker per filter key of the engine (parse-filter.ts); every filled picker must match. */
function FilterPickers({ title, filter, path, errors, onChange }: FilterProps) {
  return (
    <fieldset className="filter" data-path={path}>
      <legend>{title === 'Include' ? 'Include only (empty: every item)' : 'Exclude (wins over include)'}</legend>
      <div className="row">
        {LIST_FILTER_KEYS.map((key) => (
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
      </div>
      <div className="row">
        {NAMED_FILTER_KEYS.map((key) => (
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
      </div>
    </fieldset>
  );
}

interface ItemsProps {
  readonly items: ItemsDraft;
  readonly path: string;
  readonly errors: ReadonlyMap<string, string>;
  readonly onChange: (items: ItemsDraft) => void;
}

/** A condition's items (P3): include and exclude pickers, or the engine's JSON for a selector the pickers cannot show. */
export function ItemsEditor({ items, path, errors, onChange }: ItemsProps) {
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
      <FilterPickers title="Include" filter={items.include} path={items.bare ? path : `${path}.include`} errors={errors} onChange={(include) => onChange({ ...items, include })} />
      <FilterPickers title="Exclude" filter={items.exclude} path={`${path}.exclude`} errors={errors} onChange={(exclude) => onChange({ ...items, exclude })} />
    </div>
  );
}
