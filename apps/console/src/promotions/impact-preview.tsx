import type { AnswerOf, PricingPaths } from '@promo/client';
import { useState } from 'react';
import { describeError } from '../ui/use-async';
import { useStore } from '../settings/store-context';
import type { PromotionBody } from '../api/console-api';

/** What the draft would have changed: carts examined and changed, discount added per currency, the carts most affected. */
type ImpactReport = AnswerOf<PricingPaths, 'post', '/v1/promotions/impact'>;

/** What the draft would have changed over the carts priced recently (POST /v1/promotions/impact). */
export function ImpactPreview({ draft }: { readonly draft: Record<string, unknown> | null }) {
  const store = useStore();
  const [report, setReport] = useState<ImpactReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run() {
    if (draft === null) return;
    try {
      setReport(await store.api.pricing.post('/v1/promotions/impact', { body: { promotions: [draft as PromotionBody], carts: 100 }, idempotent: true }));
      setError(null);
    } catch (failure) {
      setError(describeError(failure));
    }
  }

  return (
    <section className="impact" aria-label="Impact preview">
      <button type="button" onClick={() => void run()} disabled={draft === null}>Preview impact on recent carts</button>
      {error === null ? null : <p className="field-error" role="alert">{error}</p>}
      {report === null ? null : (
        <dl>
          <dt>Carts examined</dt><dd data-testid="impact-examined">{report.cartsExamined}</dd>
          <dt>Carts changed</dt><dd>{report.cartsChanged}</dd>
          {Object.entries(report.discountAdded).map(([currency, amount]) => (
            <div key={currency}><dt>Discount added ({currency})</dt><dd>{store.money(amount, currency)}</dd></div>
          ))}
        </dl>
      )}
    </section>
  );
}
