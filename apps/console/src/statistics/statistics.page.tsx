import { useState } from 'react';
import { useStore } from '../settings/store-context';
import { useAsync } from '../ui/use-async';
import { CampaignStatistics } from './campaign-statistics';
import { OrderTotals } from './order-totals';
import { UsageStatisticsView } from './usage-statistics';

/** Statistics per promotion or code (ledger) and per campaign (campaigns). */
export function StatisticsPage() {
  const store = useStore();
  const promotions = useAsync(() => store.api.pricing.get('/v1/promotions', { query: { limit: 200 } }), [store.api]);
  const [subject, setSubject] = useState<{ promotionId: string } | { code: string } | null>(null);
  const [code, setCode] = useState('');
  return (
    <div className="statistics">
      <h1>Statistics</h1>
      <OrderTotals />
      <div className="row">
        <label>
          Promotion
          <select name="stat-promotion" value={subject !== null && 'promotionId' in subject ? subject.promotionId : ''} onChange={(e) => setSubject(e.target.value === '' ? null : { promotionId: e.target.value })}>
            <option value="">choose…</option>
            {(promotions.data?.items ?? []).map((p) => <option key={p.id} value={p.id}>{p.name ?? p.id}</option>)}
          </select>
        </label>
        <form className="row" onSubmit={(e) => { e.preventDefault(); if (code.trim() !== '') setSubject({ code: code.trim() }); }}>
          <label>or code<input name="stat-code" value={code} onChange={(e) => setCode(e.target.value)} /></label>
          <button type="submit">Show</button>
        </form>
      </div>
      {subject === null ? null : (
        <section aria-label="Usage statistics">
          <h2>{'promotionId' in subject ? `Promotion ${subject.promotionId}` : `Code ${subject.code}`}</h2>
          <UsageStatisticsView key={JSON.stringify(subject)} subject={subject} />
        </section>
      )}
      <CampaignStatistics />
    </div>
  );
}
