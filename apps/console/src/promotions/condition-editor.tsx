import { Field } from '../ui/field';
import type { ConditionDraft, ConditionKind } from './promotion-draft';

interface Props {
  readonly condition: ConditionDraft;
  readonly path: string;
  readonly currency: string;
  readonly errors: ReadonlyMap<string, string>;
  readonly onChange: (condition: ConditionDraft) => void;
}

const KINDS: readonly (readonly [ConditionKind, string])[] = [
  ['none', 'Always'],
  ['subtotalAtLeast', 'Subtotal at least'],
  ['quantityAtLeast', 'Quantity of items at least'],
  ['valueAtLeast', 'Value of items at least'],
  ['json', 'Combination (all / any / not), as JSON'],
];

/** A rule's condition (P3): the three checks, or any nesting of them as the engine's JSON. */
export function ConditionEditor({ condition, path, currency, errors, onChange }: Props) {
  const set = (patch: Partial<ConditionDraft>) => onChange({ ...condition, ...patch });
  return (
    <fieldset className="condition" data-path={path}>
      <Field label="When" path={path} errors={errors}>
        <select name={`${path}.kind`} value={condition.kind} onChange={(e) => set({ kind: e.target.value as ConditionKind })}>
          {KINDS.map(([kind, label]) => <option key={kind} value={kind}>{label}</option>)}
        </select>
      </Field>
      {condition.kind === 'subtotalAtLeast' ? (
        <Field label={`Subtotal (${currency})`} path={`${path}.subtotalAtLeast`} errors={errors}>
          <input name={`${path}.subtotalAtLeast`} value={condition.amount} onChange={(e) => set({ amount: e.target.value })} />
        </Field>
      ) : null}
      {condition.kind === 'quantityAtLeast' ? (
        <div className="row">
          <Field label="Count" path={`${path}.quantityAtLeast.count`} errors={errors}><input value={condition.count} onChange={(e) => set({ count: e.target.value })} /></Field>
          <Field label="Of items" path={`${path}.quantityAtLeast.items`} errors={errors}><input value={condition.items} onChange={(e) => set({ items: e.target.value })} /></Field>
        </div>
      ) : null}
      {condition.kind === 'valueAtLeast' ? (
        <div className="row">
          <Field label={`Value (${currency})`} path={`${path}.valueAtLeast.amount`} errors={errors}><input value={condition.amount} onChange={(e) => set({ amount: e.target.value })} /></Field>
          <Field label="Of items" path={`${path}.valueAtLeast.items`} errors={errors}><input value={condition.items} onChange={(e) => set({ items: e.target.value })} /></Field>
        </div>
      ) : null}
      {condition.kind === 'json' ? (
        <textarea rows={5} value={condition.json} placeholder='{"all": [{"subtotalAtLeast": 5000}, {"not": {"quantityAtLeast": {"count": 3}}}]}' onChange={(e) => set({ json: e.target.value })} />
      ) : null}
    </fieldset>
  );
}
