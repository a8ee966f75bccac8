import type { ReactNode } from 'react';

/** A labelled input with the API's error for its field path shown beside it. */
export function Field({ label, path, errors, children }: { readonly label: string; readonly path: string; readonly errors: ReadonlyMap<string, string>; readonly children: ReactNode }) {
  const error = errors.get(path);
  return (
    <div className={error === undefined ? 'field' : 'field has-error'} data-field={path}>
      <label>
        <span>{label}</span>
        {children}
      </label>
      {error === undefined ? null : <span className="field-error" role="alert" data-error-for={path}>{error}</span>}
    </div>
  );
}
