import { type FormEvent, useState } from 'react';
import { ApiProblemError, problemText } from '../api/api-error';
import { useStore } from '../settings/store-context';
import { describeError } from '../ui/use-async';
import type { UploadReport } from './code-group';

/** A refused upload's problem carries the report beside the problem fields (its 400/409 in the document). */
function isReport(value: Readonly<Record<string, unknown>>): value is Readonly<Record<string, unknown>> & UploadReport {
  const counts = ['imported', 'duplicateCount', 'invalidCount'].every((key) => typeof value[key] === 'number');
  return counts && Array.isArray(value['invalid']) && Array.isArray(value['duplicates']);
}

/** CSV upload (first column is the code); shows the report: imported, duplicates and invalid lines. */
export function UploadCodes({ groupId, onFinished }: { readonly groupId: string; readonly onFinished: () => void }) {
  const store = useStore();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<{ readonly report: UploadReport; readonly refused: string | null } | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function upload(event: FormEvent) {
    event.preventDefault();
    if (file === null) return;
    setError(null);
    setReport(null);
    const form = new FormData();
    form.append('file', file);
    try {
      // A large file takes a while to import: this call waits longer than the console's others.
      const report = await store.api.codeInventory.post('/v1/groups/{groupId}/codes/csv', { path: { groupId }, body: form, timeoutMs: 300_000 });
      setReport({ report, refused: null });
    } catch (failure) {
      if (failure instanceof ApiProblemError && isReport(failure.problem)) setReport({ report: failure.problem, refused: problemText(failure) });
      else setError(describeError(failure));
    } finally {
      onFinished();
    }
  }

  return (
    <form className="upload" aria-label={`Upload codes to ${groupId}`} onSubmit={(e) => void upload(e)}>
      <div className="row">
        <label>CSV file<input type="file" name="file" accept=".csv,text/csv,text/plain" onChange={(e) => setFile(e.target.files?.[0] ?? null)} /></label>
        <button type="submit" disabled={file === null}>Upload</button>
      </div>
      {error === null ? null : <p className="field-error" role="alert">{error}</p>}
      {report === null ? null : (
        <div className="upload-report" role="status">
          {report.refused === null ? null : <p className="banner error">Nothing was imported: {report.refused}</p>}
          <p>
            Imported <strong data-testid="upload-imported">{report.report.imported}</strong> · duplicates <strong data-testid="upload-duplicates">{report.report.duplicateCount}</strong> · invalid{' '}
            <strong data-testid="upload-invalid">{report.report.invalidCount}</strong>
          </p>
          {report.report.invalid.length + report.report.duplicates.length === 0 ? null : (
            <table className="data">
              <thead><tr><th>Line</th><th>Code</th><th>Problem</th></tr></thead>
              <tbody>
                {report.report.invalid.map((entry) => <tr key={`i${entry.line}`} data-line={entry.line}><td>{entry.line}</td><td><code>{entry.code}</code></td><td>{entry.reason}</td></tr>)}
                {report.report.duplicates.map((entry) => <tr key={`d${entry.line}`} data-line={entry.line}><td>{entry.line}</td><td><code>{entry.code}</code></td><td>duplicate</td></tr>)}
              </tbody>
            </table>
          )}
        </div>
      )}
    </form>
  );
}
