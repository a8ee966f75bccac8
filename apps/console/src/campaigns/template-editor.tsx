import { Field } from '../ui/field';
import { renderPreview, unknownVariables } from './template-preview';

export interface Template {
  readonly subject: string;
  readonly text: string;
}

/** Subject and text of one email, with the rendered preview beside them. */
export function TemplateEditor({ template, path, errors, onChange }: { readonly template: Template; readonly path: string; readonly errors: ReadonlyMap<string, string>; readonly onChange: (t: Template) => void }) {
  const unknown = unknownVariables(`${template.subject} ${template.text}`);
  return (
    <div className="grid2 template">
      <div>
        <Field label="Subject" path={`${path}.subject`} errors={errors}>
          <input name={`${path}.subject`} value={template.subject} onChange={(e) => onChange({ ...template, subject: e.target.value })} />
        </Field>
        <Field label="Text" path={`${path}.text`} errors={errors}>
          <textarea name={`${path}.text`} rows={8} value={template.text} onChange={(e) => onChange({ ...template, text: e.target.value })} />
        </Field>
        <p className="hint">{'{{customer.email}} {{cart.total}} {{cart.lines}} {{cart.recoveryUrl}} {{unsubscribeUrl}} {{promocode \'GROUP\'}}'}</p>
        {unknown.length === 0 ? null : <p className="field-error">Unknown (renders empty): {unknown.join(', ')}</p>}
      </div>
      <div className="template-preview" aria-label="Rendered preview">
        <strong>{renderPreview(template.subject)}</strong>
        {'\n\n'}
        {renderPreview(template.text)}
      </div>
    </div>
  );
}
