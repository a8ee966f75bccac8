import { type FormEvent, useState } from 'react';
import { useStore } from '../settings/store-context';
import { describeError } from '../ui/use-async';
import type { CodeGroup } from './code-group';
import { describeGroupRefusal } from './group-refusal';

/** C6: rename a group, or delete it (and its codes) after the merchant confirms; code-inventory's refusals in words. */
export function GroupSettings({ group, onChanged, onDeleted }: { readonly group: CodeGroup; readonly onChanged: () => void; readonly onDeleted: () => void }) {
  const store = useStore();
  const [name, setName] = useState(group.name);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const params = { path: { groupId: group.groupId } };
  const explain = (error: unknown) => setMessage(describeGroupRefusal(error, group.groupId) ?? describeError(error));

  async function rename(event: FormEvent) {
    event.preventDefault();
    try {
      await store.api.codeInventory.patch('/v1/groups/{groupId}', { ...params, body: { name } });
      setMessage('Name saved.');
      onChanged();
    } catch (error) {
      explain(error);
    }
  }

  async function remove() {
    setConfirming(false);
    try {
      await store.api.codeInventory.delete('/v1/groups/{groupId}', params);
      onDeleted();
    } catch (error) {
      explain(error);
    }
  }

  return (
    <form className="group-settings" aria-label={`Edit group ${group.groupId}`} onSubmit={(e) => void rename(e)}>
      <div className="row">
        <label>Group name<input name="editGroupName" value={name} onChange={(e) => setName(e.target.value)} /></label>
        <button type="submit" disabled={name.trim() === '' || name === group.name}>Save name</button>
        <button type="button" onClick={() => setConfirming(true)}>Delete group</button>
      </div>
      {confirming ? (
        <div className="banner error" role="alertdialog" aria-label="Confirm deletion">
          <p>Delete group {group.groupId} and its {group.total.toLocaleString(store.locale)} codes? This cannot be undone.</p>
          <button type="button" onClick={() => void remove()}>Yes, delete the group</button>
          <button type="button" autoFocus onClick={() => setConfirming(false)}>Keep it</button>
        </div>
      ) : null}
      {message === null ? null : <p className="field-error" role="alert" data-testid="group-message">{message}</p>}
    </form>
  );
}
