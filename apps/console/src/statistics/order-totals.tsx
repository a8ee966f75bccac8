import { useStore } from '../settings/store-context';
import { useAsync } from '../ui/use-async';

/** All orders the ledger has seen (GET /v1/statistics/orders), for scale beside the per-promotion figures. */
export function OrderTotals() {
  const store = useStore();
  const stats = useAsync(() => store.api.redemptionLedger.get('/v1/statistics/orders'), [store.api]);
  if (stats.error !== null) return <p className="banner error" role="alert">{stats.error}</p>;
  if (stats.data === null) return null;
  return (
    <dl className="row figures" aria-label="All orders">
      <div><dt>Orders</dt><dd data-testid="orders-count">{stats.data.orders}</dd></div>
      <div><dt>Cancelled</dt><dd>{stats.data.cancelled}</dd></div>
      {stats.data.byCurrency.map((c) => (
        <div key={c.currency}><dt>Order value ({c.currency})</dt><dd>{store.money(c.ordersTotal, c.currency)}</dd></div>
      ))}
    </dl>
  );
}
