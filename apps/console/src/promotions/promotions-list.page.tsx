import { useState } from 'react';
import { useStore } from '../settings/store-context';
import { navigate } from '../ui/use-hash-route';
import { describeError, useAsync } from '../ui/use-async';
import { PriorityList } from './priority-list';
import type { PromotionView } from '../api/console-api';

interface Filters {
  readonly kind: string;
  readonly status: string;
  readonly channel: string;
  readonly currency: string;
  readonly q: string;
}

function queryOf(filters: Filters): Record<string, string | number> {
  const query: Record<string, string | number> = { limit: 200 };
  for (const [key, value] of Object.entries(filters)) if (value.trim() !== '') query[key] = value.trim();
  return query;
}

/** Promotions with filters (kind, status, channel, currency, search) and the automatic ones' priority order. */
export function PromotionsListPage() {
  const store = useStore();
  const [filters, setFilters] = useState<Filters>({ kind: '', status: '', channel: '', currency: '', q: '' });
  const list = useAsync(() => store.api.pricing.get('/v1/promotions', { query: queryOf(filters) }), [filters, store.api]);
  const automatic = useAsync(
    () =>
      store.api.pricing
        .get('/v1/promotions', { query: { kind: 'automatic', limit: 200 } })
        .then((page) => [...page.items].sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0))),
    [store.api],
  );
  const set = (patch: Partial<Filters>) => setFilters({ ...filters, ...patch });
  const reload = () => {
    list.reload();
    automatic.reload();
  };
  const [message, setMessage] = useState<string | null>(null);
  async function setEnabled(promotion: PromotionView, enabled: boolean) {
    try {
      const call = { path: { id: promotion.id }, headers: { 'if-match': `"${promotion.version}"` } };
      await (enabled ? store.api.pricing.post('/v1/promotions/{id}/enable', call) : store.api.pricing.post('/v1/promotions/{id}/disable', call));
      setMessage(null);
      reload();
    } catch (error) {
      setMessage(describeError(error));
    }
  }

  return (
    <div className="promotions">
      <header className="page-header">
        <h1>Promotions</h1>
        <button type="button" onClick={() => navigate('/promotions/new')}>New promotion</button>
      </header>
      <form className="filters row" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
        <label>Kind<select name="kind" value={filters.kind} onChange={(e) => set({ kind: e.target.value })}><option value="">all</option><option value="automatic">automatic</option><option value="coupon">coupon</option></select></label>
        <label>Status<select name="status" value={filters.status} onChange={(e) => set({ status: e.target.value })}><option value="">all</option><option>active</option><option>scheduled</option><option>expired</option><option>disabled</option></select></label>
        <label>Channel<input name="channel" value={filters.channel} onChange={(e) => set({ channel: e.target.value })} /></label>
        <label>Currency<input name="currency" value={filters.currency} maxLength={3} onChange={(e) => set({ currency: e.target.value.toUpperCase() })} /></label>
        <label>Search<input name="q" type="search" value={filters.q} onChange={(e) => set({ q: e.target.value })} /></label>
      </form>
      {list.error === null ? null : <p className="banner error" role="alert">{list.error}</p>}
      {message === null ? null : <p className="banner error" role="alert">{message}</p>}
      <table className="list" aria-label="Promotions">
        <thead><tr><th>Name</th><th>Id</th><th>Kind</th><th>Status</th><th>Priority</th><th>Stacking</th><th>Currency</th><th>Updated</th><th /></tr></thead>
        <tbody>
          {(list.data?.items ?? []).map((p: PromotionView) => (
            <tr key={p.id} data-id={p.id}>
              <td><a href={`#/promotions/${encodeURIComponent(p.id)}`}>{p.name ?? p.id}</a></td>
              <td><code>{p.id}</code></td>
              <td>{p.kind}{p.kind === 'coupon' && (p.codes ?? []).length > 0 ? ` (${(p.codes ?? []).join(', ')})` : ''}</td>
              <td><span className={`status status-${p.status}`}>{p.status}</span></td>
              <td>{p.kind === 'automatic' ? `${p.priority ?? 0}${p.stopAfter === true ? ' · stop' : ''}` : ''}</td>
              <td>{p.stacking ?? 'combinable'}</td>
              <td>{p.targeting?.currency ?? 'any'}</td>
              <td>{store.instant(p.updatedAt)}</td>
              <td><button type="button" onClick={() => void setEnabled(p, !p.enabled)}>{p.enabled ? 'Disable' : 'Enable'}</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="count">{list.data === null ? '' : `${list.data.total} promotion(s)`}</p>
      {automatic.data === null ? null : <PriorityList promotions={automatic.data} onSaved={reload} />}
    </div>
  );
}
