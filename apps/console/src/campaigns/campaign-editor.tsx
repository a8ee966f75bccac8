import type { AnswerOf, BodyOf, CampaignsPaths } from '@promo/client';
import { useState } from 'react';
import { ApiProblemError, type FieldError, errorsByField } from '../api/api-error';
import { parseMoney, toDecimalText, exponentOf } from '../format/money';
import { useStore } from '../settings/store-context';
import { Field } from '../ui/field';
import { describeError } from '../ui/use-async';
import type { CodeGroup } from '../codes/code-group';
import { EmailPreview } from './email-preview';
import { type Template, TemplateEditor } from './template-editor';

/** A campaign as GET /v1/campaigns lists it (the document shares the input's shape, so `enabled` reads as optional). */
export type Campaign = AnswerOf<CampaignsPaths, 'get', '/v1/campaigns'>['items'][number];

/** The editor's state, not an answer: the campaign with `enabled` settled (the service's default is true). */
type CampaignDraft = Campaign & { readonly enabled: boolean };

const EMPTY_TEMPLATE: Template = { subject: '', text: '' };

/** The store's groups to pick from, with the campaign's own kept even if it is gone (so the select shows what is saved). */
function groupChoices(groups: readonly CodeGroup[], current: string | null): readonly Pick<CodeGroup, 'groupId' | 'name'>[] {
  if (current === null || groups.some((g) => g.groupId === current)) return groups;
  return [...groups, { groupId: current, name: `${current}: no such group` }];
}

/** Abandoned-cart (steps with delays) or retention settings, each email with its rendered preview. */
export function CampaignEditor({ campaign, groups, isNew, onSaved }: { readonly campaign: Campaign; readonly groups: readonly CodeGroup[]; readonly isNew: boolean; readonly onSaved: () => void }) {
  const store = useStore();
  const [draft, setDraft] = useState<CampaignDraft>({ ...campaign, enabled: campaign.enabled ?? true });
  // The minimum cart value is minor units of the carts' currency; the merchant types it in major units.
  const [currency, setCurrency] = useState('USD');
  const [minimum, setMinimum] = useState(toDecimalText(campaign.minimumCartValue ?? 0, exponentOf('USD')));
  const [errors, setErrors] = useState<readonly FieldError[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const set = (patch: Partial<CampaignDraft>) => setDraft({ ...draft, ...patch });
  const byField = errorsByField(errors);
  const groupIds = groups.map((g) => g.groupId);
  const steps = draft.steps ?? [{ delayMinutes: 60, template: EMPTY_TEMPLATE }];

  async function save() {
    const minimumCartValue = parseMoney(minimum, currency);
    let body: BodyOf<CampaignsPaths, 'post', '/v1/campaigns'>;
    if (draft.kind === 'abandoned_cart') {
      if (minimumCartValue === null) {
        setErrors([{ field: 'minimumCartValue', reason: 'invalid_amount', detail: `Enter an amount in ${currency}.` }]);
        return;
      }
      body = { campaignId: draft.campaignId, name: draft.name, enabled: draft.enabled, kind: draft.kind, codeGroup: draft.codeGroup ?? null, minimumCartValue, frequencyCapHours: draft.frequencyCapHours ?? 24, steps };
    } else {
      body = { campaignId: draft.campaignId, name: draft.name, enabled: draft.enabled, kind: draft.kind, codeGroup: draft.codeGroup ?? null, minimumDaysInactive: draft.minimumDaysInactive ?? 60, coolDownDays: draft.coolDownDays ?? 30, template: draft.template ?? EMPTY_TEMPLATE };
    }
    try {
      const campaigns = store.api.campaigns;
      await (isNew ? campaigns.post('/v1/campaigns', { body }) : campaigns.put('/v1/campaigns/{campaignId}', { path: { campaignId: draft.campaignId }, body }));
      setErrors([]);
      setMessage('Saved.');
      onSaved();
    } catch (failure) {
      setErrors(failure instanceof ApiProblemError ? failure.errors : []);
      setMessage(describeError(failure));
    }
  }

  const integer = (key: 'frequencyCapHours' | 'minimumDaysInactive' | 'coolDownDays', label: string) => (
    <Field label={label} path={key} errors={byField}>
      <input name={key} value={String(draft[key] ?? '')} onChange={(e) => set({ [key]: Number(e.target.value) })} />
    </Field>
  );

  return (
    <form className="card campaign" aria-label={`Campaign ${draft.campaignId}`} onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <div className="row">
        <Field label="Id" path="campaignId" errors={byField}><input name="campaignId" value={draft.campaignId} disabled={!isNew} onChange={(e) => set({ campaignId: e.target.value })} /></Field>
        <Field label="Name" path="name" errors={byField}><input name="name" value={draft.name} onChange={(e) => set({ name: e.target.value })} /></Field>
        <Field label="Kind" path="kind" errors={byField}>
          <select value={draft.kind} disabled={!isNew} onChange={(e) => set({ kind: e.target.value === 'retention' ? 'retention' : 'abandoned_cart' })}>
            <option value="abandoned_cart">abandoned cart</option>
            <option value="retention">retention</option>
          </select>
        </Field>
        <Field label="Code group for {{promocode}}" path="codeGroup" errors={byField}>
          <select name="codeGroup" value={draft.codeGroup ?? ''} onChange={(e) => set({ codeGroup: e.target.value === '' ? null : e.target.value })}>
            <option value="">none</option>
            {groupChoices(groups, draft.codeGroup ?? null).map((g) => <option key={g.groupId} value={g.groupId}>{g.name === g.groupId ? g.groupId : `${g.name} (${g.groupId})`}</option>)}
          </select>
        </Field>
        <Field label="Enabled" path="enabled" errors={byField}><input type="checkbox" checked={draft.enabled} onChange={(e) => set({ enabled: e.target.checked })} /></Field>
      </div>
      {draft.kind === 'abandoned_cart' ? (
        <>
          <div className="row">
            <Field label={`Minimum cart value (${currency})`} path="minimumCartValue" errors={byField}><input name="minimumCartValue" value={minimum} onChange={(e) => setMinimum(e.target.value)} /></Field>
            <Field label="Currency" path="currency" errors={byField}><input value={currency} maxLength={3} onChange={(e) => setCurrency(e.target.value.toUpperCase())} /></Field>
            {integer('frequencyCapHours', 'At most one email per customer every (hours)')}
          </div>
          {steps.map((step, i) => (
            <fieldset key={i}>
              <legend>Email {i + 1}</legend>
              <Field label="Send after (minutes)" path={`steps[${i}].delayMinutes`} errors={byField}>
                <input value={String(step.delayMinutes)} onChange={(e) => set({ steps: steps.map((s, j) => (j === i ? { ...s, delayMinutes: Number(e.target.value) } : s)) })} />
              </Field>
              <TemplateEditor groups={groupIds} template={step.template} path={`steps[${i}].template`} errors={byField} onChange={(template) => set({ steps: steps.map((s, j) => (j === i ? { ...s, template } : s)) })} />
              {isNew ? null : <EmailPreview campaignId={draft.campaignId} step={i + 1} />}
            </fieldset>
          ))}
          <button type="button" onClick={() => set({ steps: [...steps, { delayMinutes: 1440, template: EMPTY_TEMPLATE }] })}>Add email</button>
        </>
      ) : (
        <>
          <div className="row">
            {integer('minimumDaysInactive', 'After days without an order')}
            {integer('coolDownDays', 'Then wait (days) before another')}
          </div>
          <TemplateEditor groups={groupIds} template={draft.template ?? EMPTY_TEMPLATE} path="template" errors={byField} onChange={(template) => set({ template })} />
          {isNew ? null : <EmailPreview campaignId={draft.campaignId} step={1} />}
        </>
      )}
      <div className="actions"><button type="submit">Save campaign</button> {message === null ? null : <span role="status">{message}</span>}</div>
    </form>
  );
}
