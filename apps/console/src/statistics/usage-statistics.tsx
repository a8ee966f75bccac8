import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { useStore } from '../settings/store-context';
import { useAsync } from '../ui/use-async';

/** Redemptions, discount, revenue and AOV with/without for a promotion or a code, and its uses per day as a chart beside a table. */
export function UsageStatisticsView({ subject }: { readonly subject: { readonly promotionId: string } | { readonly code: string } }) {
  const store = useStore();
  const ledger = store.api.redemptionLedger;
  // Days are the store's: the ledger counts them in the store zone.
  const query = { limit: 31, timeZone: store.settings.timeZone };
  const stats = useAsync(
    () =>
      'promotionId' in subject
        ? ledger.get('/v1/statistics/promotions/{promotionId}', { path: { promotionId: subject.promotionId }, query })
        : ledger.get('/v1/statistics/codes/{code}', { path: { code: subject.code }, query }),
    [subject, ledger, store.settings.timeZone],
  );
  if (stats.error !== null) return <p className="banner error" role="alert">{stats.error}</p>;
  if (stats.data === null) return <p>Loading…</p>;
  const data = stats.data;
  const days = [...data.usesPerDay.items].sort((a, b) => a.day.localeCompare(b.day)).map((item) => ({ ...item, label: store.day(item.day) }));
  const money = (amount: number | null, currency: string) => (amount === null ? '—' : store.money(amount, currency));
  return (
    <div className="usage-statistics">
      <dl className="row figures">
        <div><dt>Redemptions</dt><dd data-testid="stat-redemptions">{data.redemptions}</dd></div>
        <div><dt>Rejected</dt><dd>{data.rejected}</dd></div>
        <div><dt>Reversed</dt><dd>{data.reversed}</dd></div>
        <div><dt>Customers</dt><dd>{data.redeemers}</dd></div>
        <div><dt>Repeat purchase rate</dt><dd>{data.repeatPurchaseRate === null ? '—' : `${Math.round(data.repeatPurchaseRate * 100)}%`}</dd></div>
      </dl>
      <table className="data" aria-label="Figures per currency">
        <thead><tr><th>Currency</th><th className="money">Discount given</th><th className="money">Revenue</th><th className="money">AOV with</th><th className="money">AOV without</th></tr></thead>
        <tbody>
          {data.figures.map((f) => (
            <tr key={f.currency} data-currency={f.currency}>
              <td>{f.currency}</td>
              <td className="money" data-testid={`discount-${f.currency}`}>{money(f.discountGiven, f.currency)}</td>
              <td className="money" data-testid={`revenue-${f.currency}`}>{money(f.attributedRevenue, f.currency)}</td>
              <td className="money">{money(f.averageOrderValueWith, f.currency)}</td>
              <td className="money">{money(f.averageOrderValueWithout, f.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Uses per day ({store.settings.timeZone})</h3>
      <div className="grid2">
        <div className="chart" data-testid="uses-chart">
          <BarChart width={560} height={260} data={days}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Bar dataKey="uses" fill="#2d6cdf" isAnimationActive={false} />
          </BarChart>
        </div>
        <table className="data" aria-label="Uses per day">
          <thead><tr><th>Day</th><th>Uses</th></tr></thead>
          <tbody>{days.map((d) => <tr key={d.day} data-day={d.day}><td>{d.label}</td><td>{d.uses}</td></tr>)}</tbody>
        </table>
      </div>
    </div>
  );
}
