import { type FormEvent, useState } from 'react';
import { useStore } from '../settings/store-context';
import { describeError, useAsync } from '../ui/use-async';
import { CodeLookup } from './code-lookup';
import { CustomerCodes } from './customer-codes';
import { GenerateCodes } from './generate-codes';
import { GroupCustomers } from './group-customers';
import { GroupSettings } from './group-settings';
import { SharedCodes } from './shared-codes';
import { UploadCodes } from './upload-codes';

/** Code groups with their counts; per group: generate, upload, export. Plus shared (and hidden) codes, a code lookup, a customer's codes and segments. */
export function CodesPage() {
  const store = useStore();
  const groups = useAsync(() => store.api.codeInventory.get('/v1/groups').then((a) => a.groups), [store.api]);
  const [selected, setSelected] = useState<string | null>(null);
  const [form, setForm] = useState({ groupId: '', name: '', promotionId: '' });
  const [message, setMessage] = useState<string | null>(null);
  const selectedGroup = groups.data?.find((g) => g.groupId === selected);

  async function create(event: FormEvent) {
    event.preventDefault();
    try {
      await store.api.codeInventory.post('/v1/groups', { body: form });
      setSelected(form.groupId);
      setForm({ groupId: '', name: '', promotionId: '' });
      setMessage(null);
      groups.reload();
    } catch (error) {
      setMessage(describeError(error));
    }
  }

  async function download(groupId: string) {
    try {
      const response = await store.api.codeInventory.send('get', '/v1/groups/{groupId}/export', { path: { groupId }, headers: { accept: 'text/csv' } });
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = `${groupId}.csv`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      setMessage(describeError(error));
    }
  }

  return (
    <div className="codes">
      <h1>Codes</h1>
      {groups.error === null ? null : <p className="banner error" role="alert">{groups.error}</p>}
      <table className="list" aria-label="Code groups">
        <thead><tr><th>Group</th><th>Promotion</th><th>Total</th><th>Available</th><th>Issued</th><th>Redeemed</th><th /></tr></thead>
        <tbody>
          {(groups.data ?? []).map((g) => (
            <tr key={g.groupId} data-group={g.groupId} className={selected === g.groupId ? 'selected' : ''}>
              <td><button type="button" onClick={() => setSelected(g.groupId)}>{g.name} ({g.groupId})</button></td>
              <td>{g.promotionId}</td>
              <td data-count="total">{g.total.toLocaleString(store.locale)}</td>
              <td data-count="available">{g.available.toLocaleString(store.locale)}</td>
              <td data-count="issued">{g.issued.toLocaleString(store.locale)}</td>
              <td data-count="redeemed">{g.redeemed.toLocaleString(store.locale)}</td>
              <td><button type="button" onClick={() => void download(g.groupId)}>Export CSV</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      {selected === null ? null : (
        <section aria-label={`Group ${selected}`}>
          <h2>Group {selected}</h2>
          {selectedGroup === undefined ? null : (
            <GroupSettings key={`s-${selected}`} group={selectedGroup} onChanged={groups.reload} onDeleted={() => { setSelected(null); groups.reload(); }} />
          )}
          <h3>Generate unique codes</h3>
          <GenerateCodes key={`g-${selected}`} groupId={selected} onFinished={groups.reload} />
          <h3>Upload codes</h3>
          <UploadCodes key={`u-${selected}`} groupId={selected} onFinished={groups.reload} />
        </section>
      )}
      <form className="card" aria-label="New code group" onSubmit={(e) => void create(e)}>
        <h2>New code group</h2>
        <div className="row">
          <label>Group id<input name="groupId" value={form.groupId} onChange={(e) => setForm({ ...form, groupId: e.target.value })} /></label>
          <label>Name<input name="groupName" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} /></label>
          <label>Coupon promotion id<input name="promotionId" value={form.promotionId} onChange={(e) => setForm({ ...form, promotionId: e.target.value })} /></label>
          <button type="submit">Create group</button>
        </div>
        {message === null ? null : <p className="field-error" role="alert">{message}</p>}
      </form>
      <SharedCodes />
      <CodeLookup />
      <CustomerCodes />
      <GroupCustomers groups={groups.data ?? []} />
    </div>
  );
}
