import { useEffect, useMemo, useState } from 'react';
import { ApiProblemError, type FieldError, errorsByField, problemText } from '../api/api-error';
import { Field } from '../ui/field';
import { useUnsavedChangesWarning } from '../ui/unsaved-changes';
import { describeError } from '../ui/use-async';
import { type SettingsForm, formToWire, sameForm, settingsToForm, timeZoneChoices } from './settings-form';
import { type StoreSettings, useStore } from './store-context';

const COMMON_LOCALES = ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'es-ES', 'it-IT', 'nl-NL', 'pl-PL', 'pt-BR', 'sv-SE', 'ja-JP'];

/** P9: the store's promotion settings, saved with the version they were read at (a stale save is refused, 409). */
export function SettingsPage() {
  const store = useStore();
  const [loaded, setLoaded] = useState<StoreSettings | null>(null);
  const [form, setForm] = useState<SettingsForm | null>(null);
  const [serverErrors, setServerErrors] = useState<readonly FieldError[]>([]);
  const [message, setMessage] = useState<{ readonly text: string; readonly kind: 'error' | 'stale' | 'saved' } | null>(null);
  const [saving, setSaving] = useState(false);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    store.api.pricing.get('/v1/settings').then(
      (view) => {
        setLoaded(view);
        setForm(settingsToForm(view));
        setServerErrors([]);
      },
      (error: unknown) => setMessage({ text: describeError(error), kind: 'error' }),
    );
  }, [store.api, generation]);

  const dirty = loaded !== null && form !== null && !sameForm(form, settingsToForm(loaded));
  useUnsavedChangesWarning(dirty);
  const wire = useMemo(() => (form === null ? null : formToWire(form)), [form]);
  const errors = useMemo(() => errorsByField([...(wire?.errors ?? []), ...serverErrors]), [wire, serverErrors]);
  const zones = useMemo(() => timeZoneChoices(form?.timeZone ?? 'UTC', Intl.supportedValuesOf('timeZone')), [form?.timeZone]);
  if (loaded === null || form === null || wire === null) return <p>{message?.text ?? 'Loading the store settings…'}</p>;

  const set = (patch: Partial<SettingsForm>) => {
    setForm({ ...form, ...patch });
    setServerErrors([]);
    if (message?.kind === 'saved') setMessage(null);
  };
  const reload = () => {
    setMessage(null);
    setGeneration((g) => g + 1);
  };

  async function save() {
    if (loaded === null || wire === null || wire.errors.length > 0) return;
    setSaving(true);
    setMessage(null);
    try {
      const saved = await store.api.pricing.put('/v1/settings', { body: wire.body, headers: { 'if-match': `"${loaded.version}"` } });
      setLoaded(saved);
      setForm(settingsToForm(saved));
      setMessage({ text: 'Settings saved.', kind: 'saved' });
      store.settingsSaved(saved);
    } catch (failure) {
      if (failure instanceof ApiProblemError && failure.status === 409) {
        setMessage({ text: 'Someone else saved the store settings after you opened this page, so yours were not saved. Reload to see theirs (your changes here will be lost), then make your changes again.', kind: 'stale' });
      } else {
        setServerErrors(failure instanceof ApiProblemError ? failure.errors : []);
        setMessage({ text: describeError(failure instanceof ApiProblemError ? new Error(problemText(failure)) : failure), kind: 'error' });
      }
    } finally {
      setSaving(false);
    }
  }

  const checkbox = (label: string, key: 'zeroPriceTriggers' | 'overriddenPriceQualifies' | 'pricesIncludeTax' | 'nonDiscountableCountsTowardConditions') => (
    <Field label={label} path={key} errors={errors}>
      <input type="checkbox" name={key} checked={form[key]} onChange={(e) => set({ [key]: e.target.checked })} />
    </Field>
  );

  return (
    <form className="settings" aria-label="Store settings" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <h1>Store settings</h1>
      {message === null ? null : (
        <p className={message.kind === 'saved' ? 'banner' : 'banner error'} role={message.kind === 'saved' ? 'status' : 'alert'} data-message={message.kind}>
          {message.text}
          {message.kind === 'stale' ? <> <button type="button" onClick={reload}>Reload settings</button></> : null}
        </p>
      )}
      <section>
        <h2>Calculation</h2>
        <div className="row">
          <Field label="Promotions apply" path="calculation" errors={errors}>
            <select name="calculation" value={form.calculation} onChange={(e) => set({ calculation: e.target.value === 'independent' ? 'independent' : 'cumulative' })}>
              <option value="cumulative">cumulative (each to the price after the ones before)</option>
              <option value="independent">independent (each to the original price)</option>
            </select>
          </Field>
          <Field label="Maximum codes per order" path="maxCodesPerOrder" errors={errors}>
            <input name="maxCodesPerOrder" inputMode="numeric" value={form.maxCodesPerOrder} onChange={(e) => set({ maxCodesPerOrder: e.target.value })} />
          </Field>
        </div>
      </section>
      <section>
        <h2>Which lines count</h2>
        {checkbox('$0 lines trigger promotions', 'zeroPriceTriggers')}
        {checkbox('Lines with an overridden price qualify', 'overriddenPriceQualifies')}
        {checkbox('Non-discountable lines count toward conditions and tiers', 'nonDiscountableCountsTowardConditions')}
        {checkbox('Prices include tax', 'pricesIncludeTax')}
      </section>
      <section>
        <h2>Time and language</h2>
        <div className="row">
          <Field label="Store time zone" path="timeZone" errors={errors}>
            <select name="timeZone" value={form.timeZone} onChange={(e) => set({ timeZone: e.target.value })}>
              {zones.map((zone) => <option key={zone} value={zone}>{zone}</option>)}
            </select>
          </Field>
          <Field label="Locale for money and dates (e.g. en-US)" path="locale" errors={errors}>
            <input name="locale" list="store-locales" value={form.locale} onChange={(e) => set({ locale: e.target.value })} />
          </Field>
          <datalist id="store-locales">{COMMON_LOCALES.map((l) => <option key={l} value={l} />)}</datalist>
        </div>
      </section>
      <div className="actions">
        <button type="submit" disabled={saving || wire.errors.length > 0 || !dirty}>{saving ? 'Saving…' : 'Save settings'}</button>
        <button type="button" disabled={!dirty} onClick={() => setForm(settingsToForm(loaded))}>Discard changes</button>
        <span className="version">Version {loaded.version}</span>
      </div>
    </form>
  );
}
