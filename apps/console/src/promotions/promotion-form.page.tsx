import { useEffect, useMemo, useState } from 'react';
import { ApiProblemError, type FieldError, errorsByField, problemText } from '../api/api-error';
import type { PromotionBody } from '../api/console-api';
import { useStore } from '../settings/store-context';
import { Field } from '../ui/field';
import { useUnsavedChangesWarning } from '../ui/unsaved-changes';
import { navigate } from '../ui/use-hash-route';
import { describeError } from '../ui/use-async';
import { ConditionEditor } from './condition-editor';
import { draftToWire } from './draft-to-wire';
import { ImpactPreview } from './impact-preview';
import { PreviewPane } from './preview-pane';
import { type PromotionDraft, STACKINGS, emptyCondition, emptyDraft, emptyReward } from './promotion-draft';
import { RewardEditor } from './reward-editor';
import { ScheduleEditor } from './schedule-editor';
import { SuggestionsProvider } from './suggestions-context';
import { TargetingEditor } from './targeting-editor';
import { wireToDraft } from './wire-to-draft';

/** Create (`id` null) or edit a promotion, with the API's field errors beside their fields and a live preview. */
export function PromotionFormPage({ id }: { readonly id: string | null }) {
  const store = useStore();
  const [draft, setDraft] = useState<PromotionDraft | null>(id === null ? emptyDraft('USD') : null);
  // The draft as loaded (or empty): what "unsaved changes" are measured against.
  const [initial, setInitial] = useState<PromotionDraft | null>(draft);
  const [serverErrors, setServerErrors] = useState<readonly FieldError[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (id === null) return;
    // wireToDraft reads the promotion field by field, keeping as JSON what the builder cannot show.
    store.api.pricing.get('/v1/promotions/{id}', { path: { id } }).then(
      (view) => {
        const loaded = wireToDraft(view);
        setDraft(loaded);
        setInitial(loaded);
      },
      (error: unknown) => setMessage(describeError(error)),
    );
  }, [id, store.api]);

  const wire = useMemo(() => (draft === null ? null : draftToWire(draft)), [draft]);
  const errors = useMemo(() => errorsByField([...(wire?.errors ?? []), ...serverErrors]), [wire, serverErrors]);
  useUnsavedChangesWarning(draft !== null && JSON.stringify(draft) !== JSON.stringify(initial));
  if (draft === null) return <p>{message ?? 'Loading…'}</p>;
  const set = (patch: Partial<PromotionDraft>) => {
    setDraft({ ...draft, ...patch });
    setServerErrors([]);
  };

  async function save() {
    if (draft === null || wire === null || wire.errors.length > 0) return;
    setSaving(true);
    setMessage(null);
    try {
      const editing = id !== null;
      const body = wire.body as PromotionBody;
      const pricing = store.api.pricing;
      await (editing
        ? pricing.put('/v1/promotions/{id}', { path: { id }, body, ...(draft.version !== null ? { headers: { 'if-match': `"${draft.version}"` } } : {}) })
        : pricing.post('/v1/promotions', { body }));
      navigate('/promotions');
    } catch (failure) {
      setServerErrors(failure instanceof ApiProblemError ? failure.errors : []);
      setMessage(describeError(failure instanceof ApiProblemError ? new Error(problemText(failure)) : failure));
    } finally {
      setSaving(false);
    }
  }

  const currency = draft.currency === '' || draft.currency === 'any' ? 'USD' : draft.currency;
  const previewDraft = wire !== null && wire.errors.length === 0 && draft.id.trim() !== '' ? wire.body : null;
  return (
    <SuggestionsProvider>
      <div className="editor">
        <form className="promotion-form" onSubmit={(e) => { e.preventDefault(); void save(); }}>
          <h1>{id === null ? 'New promotion' : `Edit ${id}`}</h1>
          {message === null ? null : <p className="banner error" role="alert">{message}</p>}
          {serverErrors.length > 0 ? (
            <ul className="error-summary">
              {serverErrors.map((e) => <li key={`${e.field}-${e.reason}`}><code>{e.field}</code>: {e.detail}</li>)}
            </ul>
          ) : null}
          <section>
            <div className="row">
              <Field label="Id" path="id" errors={errors}>
                <input name="id" value={draft.id} disabled={id !== null} onChange={(e) => set({ id: e.target.value })} />
              </Field>
              <Field label="Name" path="name" errors={errors}>
                <input name="name" value={draft.name} onChange={(e) => set({ name: e.target.value })} />
              </Field>
            </div>
            <div className="row">
              <Field label="Kind" path="kind" errors={errors}>
                <select name="kind" value={draft.kind} disabled={id !== null} onChange={(e) => set({ kind: e.target.value === 'coupon' ? 'coupon' : 'automatic' })}>
                  <option value="automatic">automatic</option>
                  <option value="coupon">coupon</option>
                </select>
              </Field>
              {draft.kind === 'automatic' ? (
                <>
                  <Field label="Priority" path="priority" errors={errors}><input name="priority" value={draft.priority} onChange={(e) => set({ priority: e.target.value })} /></Field>
                  <Field label="Stop after this rule" path="stopAfter" errors={errors}><input type="checkbox" name="stopAfter" checked={draft.stopAfter} onChange={(e) => set({ stopAfter: e.target.checked })} /></Field>
                </>
              ) : (
                <Field label="Codes (comma-separated; generate bulk codes under Codes)" path="codes" errors={errors}>
                  <input name="codes" value={draft.codes} onChange={(e) => set({ codes: e.target.value })} />
                </Field>
              )}
              <Field label="Stacking" path="stacking" errors={errors}>
                <select name="stacking" value={draft.stacking} onChange={(e) => set({ stacking: STACKINGS.find((s) => s === e.target.value) ?? 'combinable' })}>
                  {STACKINGS.map((s) => <option key={s} value={s}>{s}</option>)}
                </select>
              </Field>
              <Field label="Enabled" path="enabled" errors={errors}><input type="checkbox" name="enabled" checked={draft.enabled} onChange={(e) => set({ enabled: e.target.checked })} /></Field>
            </div>
          </section>
          <TargetingEditor draft={draft} errors={errors} set={set} />
          <ScheduleEditor draft={draft} errors={errors} set={set} timeZone={store.settings.timeZone} />
          <section>
            <h2>Rules</h2>
            <Field label="Rules apply" path="rulesMode" errors={errors}>
              <select name="rulesMode" value={draft.rulesMode} onChange={(e) => set({ rulesMode: e.target.value === 'lastQualifying' ? 'lastQualifying' : 'all' })}>
                <option value="all">every qualifying rule</option>
                <option value="lastQualifying">only the last qualifying rule</option>
              </select>
            </Field>
            {errors.has('rules') ? <span className="field-error" role="alert">{errors.get('rules')}</span> : null}
            {draft.rules.map((rule, i) => (
              <div className="rule" key={i} data-rule={i}>
                <ConditionEditor condition={rule.condition} path={`rules[${i}].conditions`} currency={currency} errors={errors} onChange={(condition) => set({ rules: draft.rules.map((r, j) => (j === i ? { ...r, condition } : r)) })} />
                <RewardEditor reward={rule.reward} path={`rules[${i}].reward`} currency={currency} errors={errors} onChange={(reward) => set({ rules: draft.rules.map((r, j) => (j === i ? { ...r, reward } : r)) })} />
                {draft.rules.length > 1 ? <button type="button" onClick={() => set({ rules: draft.rules.filter((_, j) => j !== i) })}>Remove rule</button> : null}
              </div>
            ))}
            <button type="button" onClick={() => set({ rules: [...draft.rules, { condition: emptyCondition(), reward: emptyReward() }] })}>Add rule</button>
          </section>
          <section>
            <h2>Usage limits</h2>
            <div className="row">
              <Field label="Total uses" path="limits.totalUses" errors={errors}><input name="limits.totalUses" value={draft.totalUses} onChange={(e) => set({ totalUses: e.target.value })} /></Field>
              <Field label="Uses per code" path="limits.usesPerCode" errors={errors}><input name="limits.usesPerCode" value={draft.usesPerCode} onChange={(e) => set({ usesPerCode: e.target.value })} /></Field>
              <Field label="Uses per customer" path="limits.usesPerCustomer" errors={errors}><input name="limits.usesPerCustomer" value={draft.usesPerCustomer} onChange={(e) => set({ usesPerCustomer: e.target.value })} /></Field>
              <Field label="Count a use per" path="limits.consumeUnit" errors={errors}>
                <select value={draft.consumeUnit} onChange={(e) => set({ consumeUnit: e.target.value === 'item' ? 'item' : 'cart' })}>
                  <option value="cart">order</option>
                  <option value="item">item</option>
                </select>
              </Field>
              <Field label={`Discount budget (${currency}, empty: none)`} path="limits.budget" errors={errors}>
                <input name="limits.budget" value={draft.budget} onChange={(e) => set({ budget: e.target.value })} />
              </Field>
            </div>
          </section>
          <div className="actions">
            <button type="submit" disabled={saving || (wire?.errors.length ?? 0) > 0}>{saving ? 'Saving…' : 'Save promotion'}</button>
            <button type="button" onClick={() => navigate('/promotions')}>Cancel</button>
          </div>
        </form>
        <div className="side">
          <PreviewPane draft={previewDraft} currency={currency} />
          <ImpactPreview draft={previewDraft} />
        </div>
      </div>
    </SuggestionsProvider>
  );
}
