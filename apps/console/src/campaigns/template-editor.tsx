import type { AnswerOf, CampaignsPaths } from '@promo/client';
import { useState } from 'react';
import { Field } from '../ui/field';
import { codeMacro, macroGroups, renderPreview, unknownVariables } from './template-preview';

/**
 * One email's template as a campaign carries it: a plain one ({{name}} variables) or, with syntax 'liquid', LiquidJS
 * with an optional HTML message (#25).
 */
export type Template = NonNullable<AnswerOf<CampaignsPaths, 'get', '/v1/campaigns'>['items'][number]['template']>;

/** The template in the other syntax; a plain one keeps no HTML message. */
function withLiquid(template: Template, isLiquid: boolean): Template {
  return isLiquid ? { ...template, syntax: 'liquid' } : { subject: template.subject, text: template.text };
}

/** Subject and text of one email, with the rendered preview beside them. */
export function TemplateEditor({ template, path, errors, groups, onChange }: { readonly template: Template; readonly path: string; readonly errors: ReadonlyMap<string, string>; readonly groups: readonly string[]; readonly onChange: (t: Template) => void }) {
  const unknown = unknownVariables(`${template.subject} ${template.text}`);
  const isLiquid = template.syntax === 'liquid';
  // This email's code groups: those its macros name (each email may issue from its own).
  const used = macroGroups(`${template.subject} ${template.text} ${template.html ?? ''}`);
  const [toInsert, setToInsert] = useState('');
  const group = toInsert === '' ? (groups[0] ?? '') : toInsert;
  return (
    <div className="grid2 template">
      <div>
        <Field label="Subject" path={`${path}.subject`} errors={errors}>
          <input name={`${path}.subject`} value={template.subject} onChange={(e) => onChange({ ...template, subject: e.target.value })} />
        </Field>
        <Field label="Text" path={`${path}.text`} errors={errors}>
          <textarea name={`${path}.text`} rows={8} value={template.text} onChange={(e) => onChange({ ...template, text: e.target.value })} />
        </Field>
        <div className="row code-macro">
          <label>
            Code of group
            <select name={`${path}.codeGroup`} value={group} onChange={(e) => setToInsert(e.target.value)}>
              {groups.map((g) => <option key={g} value={g}>{g}</option>)}
            </select>
          </label>
          <button type="button" disabled={group === ''} onClick={() => onChange({ ...template, text: `${template.text}${template.text === '' ? '' : ' '}${codeMacro(group, isLiquid)}` })}>Insert code</button>
          <span data-testid={`${path}.codeGroups`}>{used.length === 0 ? 'No code in this email.' : `Codes from: ${used.join(', ')}`}</span>
        </div>
        <Field label="Liquid (loops, conditions, an HTML message)" path={`${path}.syntax`} errors={errors}>
          <input type="checkbox" name={`${path}.syntax`} checked={isLiquid} onChange={(e) => onChange(withLiquid(template, e.target.checked))} />
        </Field>
        {isLiquid ? (
          <>
            <Field label="HTML message (optional; values are escaped)" path={`${path}.html`} errors={errors}>
              <textarea name={`${path}.html`} rows={6} value={template.html ?? ''} onChange={(e) => onChange(e.target.value === '' ? withLiquid(template, true) : { ...template, html: e.target.value })} />
            </Field>
            <p className="hint">{"{{ customer.email }} {{ cart.total }} {% for line in cart.lines %}{{ line.name }} {{ line.quantity }} {{ line.unitPrice }} {{ line.linePrice }} {{ line.imageUrl }}{% endfor %} {{ cart.recoveryUrl }} {{ unsubscribeUrl }} {% promocode 'GROUP' %}"}</p>
          </>
        ) : (
          <>
            <p className="hint">{'{{customer.email}} {{cart.total}} {{cart.lines}} {{cart.recoveryUrl}} {{unsubscribeUrl}} {{promocode \'GROUP\'}}'}</p>
            {unknown.length === 0 ? null : <p className="field-error">Unknown (renders empty): {unknown.join(', ')}</p>}
          </>
        )}
      </div>
      {isLiquid ? (
        <p className="template-preview hint">Liquid templates are rendered by the campaigns service: save, then preview the email for a cart below.</p>
      ) : (
        <div className="template-preview" aria-label="Rendered preview">
          <strong>{renderPreview(template.subject)}</strong>
          {'\n\n'}
          {renderPreview(template.text)}
        </div>
      )}
    </div>
  );
}
