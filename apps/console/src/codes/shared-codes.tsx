import type { AnswerOf, CodeInventoryPaths } from '@promo/client';
import { type FormEvent, useState } from 'react';
import { useStore } from '../settings/store-context';
import { describeError } from '../ui/use-async';

/** A promotion's shared codes that are listed publicly (C8: hidden ones never are). */
type PublicCodes = AnswerOf<CodeInventoryPaths, 'get', '/v1/promotions/{promotionId}/codes'>['codes'];

/**
 * Shared codes (POST /v1/codes), hidden ones included (C8: never listed publicly, they work only when typed), and
 * what a promotion lists publicly (GET /v1/promotions/{promotionId}/codes), so the merchant sees a hidden code is not.
 */
export function SharedCodes() {
  const store = useStore();
  const [form, setForm] = useState({ code: '', promotionId: '', hidden: false });
  const [message, setMessage] = useState<string | null>(null);
  const [listed, setListed] = useState<{ readonly promotionId: string; readonly codes: PublicCodes } | null>(null);
  const inventory = store.api.codeInventory;

  async function showPublic(promotionId: string) {
    const { codes } = await inventory.get('/v1/promotions/{promotionId}/codes', { path: { promotionId } });
    setListed({ promotionId, codes });
  }

  async function add(event: FormEvent) {
    event.preventDefault();
    try {
      const saved = await inventory.post('/v1/codes', { body: { code: form.code.trim(), promotionId: form.promotionId.trim(), hidden: form.hidden } });
      setMessage(`Added ${saved.code} to ${saved.promotionId}${saved.hidden ? ', hidden: it works when typed and is never listed' : ', listed publicly'}.`);
      setForm({ ...form, code: '' });
      await showPublic(saved.promotionId);
    } catch (failure) {
      setMessage(describeError(failure));
    }
  }

  async function list() {
    try {
      await showPublic(form.promotionId.trim());
    } catch (failure) {
      setMessage(describeError(failure));
    }
  }

  return (
    <form className="card" aria-label="Shared codes" onSubmit={(e) => void add(e)}>
      <h2>Shared codes</h2>
      <div className="row">
        <label>Shared code<input name="sharedCode" value={form.code} onChange={(e) => setForm({ ...form, code: e.target.value })} /></label>
        <label>Coupon promotion id<input name="sharedPromotionId" value={form.promotionId} onChange={(e) => setForm({ ...form, promotionId: e.target.value })} /></label>
        <label><input type="checkbox" name="sharedHidden" checked={form.hidden} onChange={(e) => setForm({ ...form, hidden: e.target.checked })} /> Hidden (never listed, works only when typed)</label>
        <button type="submit" disabled={form.code.trim() === '' || form.promotionId.trim() === ''}>Add shared code</button>
        <button type="button" disabled={form.promotionId.trim() === ''} onClick={() => void list()}>Show listed codes</button>
      </div>
      {message === null ? null : <p role="status" data-testid="shared-code-message">{message}</p>}
      {listed === null ? null : (
        <>
          <h3>Listed publicly for {listed.promotionId}</h3>
          {listed.codes.length === 0 ? <p>None: every shared code of this promotion is hidden, or it has none.</p> : (
            <ul aria-label={`Public codes of ${listed.promotionId}`}>
              {listed.codes.map((c) => <li key={c.normalizedCode} data-code={c.code}><code>{c.code}</code></li>)}
            </ul>
          )}
        </>
      )}
    </form>
  );
}
