import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { exponentOf, toDecimalText } from '../format/money';
import { useStore } from '../settings/store-context';
import { useAsync } from '../ui/use-async';
import { currencyChoices } from './currency-choices';

/** Emails sent and opened, carts and revenue recovered per campaign step. */
export function CampaignStatistics() {
  const store = useStore();
  // The campaigns API reports recovered revenue per currency; the chart and table show the chosen one, from those it reports.
  const [chosen, setChosen] = useState<string | null>(null);
  const stats = useAsync(() => store.api.campaigns.get('/v1/statistics/campaigns').then((a) => a.items), [store.api]);
  if (stats.error !== null) return <p className="banner error" role="alert">{stats.error}</p>;
  const currencies = currencyChoices(stats.data ?? [], 'USD');
  const currency = chosen !== null && currencies.includes(chosen) ? chosen : (currencies[0] ?? 'USD');
  const rows = (stats.data ?? []).map((s) => {
    const recoveredRevenue = s.recoveredRevenueByCurrency.find((r) => r.currency === currency)?.amount ?? 0;
    return { ...s, label: `${s.campaignId} #${s.step}`, recoveredRevenue, revenue: Number(toDecimalText(recoveredRevenue, exponentOf(currency))) };
  });
  return (
    <section aria-label="Campaign statistics">
      <h2>Campaigns: recovered revenue</h2>
      <label>
        Currency
        <select name="campaign-currency" value={currency} onChange={(e) => setChosen(e.target.value)}>
          {currencies.map((c) => <option key={c} value={c}>{c}</option>)}
        </select>
      </label>
      <div className="grid2">
        <div className="chart" data-testid="campaign-chart">
          <BarChart width={560} height={260} data={rows}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" />
            <YAxis />
            <Tooltip />
            <Legend />
            <Bar dataKey="revenue" name={`Recovered revenue (${currency})`} fill="#2f9e63" isAnimationActive={false} />
          </BarChart>
        </div>
        <table className="data">
          <thead><tr><th>Campaign step</th><th>Sent</th><th>Opened</th><th>Recovered carts</th><th className="money">Recovered revenue</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}><td>{r.label}</td><td>{r.sent}</td><td>{r.opened}</td><td>{r.recoveredCarts}</td><td className="money">{store.money(r.recoveredRevenue, currency)}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
