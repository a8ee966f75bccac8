import type { BodyOf, PricingPaths } from '@promo/client';
import { useEffect, useState } from 'react';
import { describeError } from '../ui/use-async';
import { useStore } from '../settings/store-context';
import type { PricedCart, PromotionBody } from '../api/console-api';
import { sampleCart } from './priced-cart';

const DEBOUNCE_MS = 400;

type PricedCartInput = NonNullable<BodyOf<PricingPaths, 'post', '/v1/carts/price/dry-run'>['cart']>;

/** A coupon applies only with one of its codes: a sample cart that carries none gets the draft's first. */
function withCouponCode(cart: unknown, draft: Record<string, unknown>): unknown {
  const codes = draft['codes'];
  if (draft['kind'] !== 'coupon' || !Array.isArray(codes) || typeof codes[0] !== 'string') return cart;
  if (typeof cart !== 'object' || cart === null || Array.isArray(cart)) return cart;
  const entered = (cart as Record<string, unknown>)['codes'];
  return Array.isArray(entered) && entered.length > 0 ? cart : { ...cart, codes: [codes[0]] };
}

/** Prices a sample cart through the dry-run with the draft as the merchant edits it (nothing is stored). */
export function PreviewPane({ draft, currency }: { readonly draft: Record<string, unknown> | null; readonly currency: string }) {
  const store = useStore();
  const [cartText, setCartText] = useState(() => JSON.stringify(sampleCart(currency), null, 2));
  const [result, setResult] = useState<PricedCart | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    if (draft === null) return undefined;
    let cart: unknown;
    try {
      cart = JSON.parse(cartText);
    } catch {
      setError('The sample cart is not valid JSON.');
      return undefined;
    }
    const priced = withCouponCode(cart, draft);
    let current = true;
    setPending(true);
    const timer = setTimeout(() => {
      // A dry run stores nothing: safe to repeat. The draft and the sample cart are what the merchant typed; pricing checks them.
      const body = { cart: priced as PricedCartInput, promotions: [draft as PromotionBody] };
      store.api.pricing
        .post('/v1/carts/price/dry-run', { body, idempotent: true })
        .then(
          (priced) => {
            if (!current) return;
            setResult(priced);
            setError(null);
          },
          (failure: unknown) => current && setError(describeError(failure)),
        )
        .finally(() => current && setPending(false));
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [draft, cartText, store.api]);

  const id = typeof draft?.['id'] === 'string' ? draft['id'] : '';
  return (
    <aside className="preview" aria-label="Live preview" data-state={pending ? 'pending' : 'settled'}>
      <h2>Live preview</h2>
      <details>
        <summary>Sample cart (amounts in minor units)</summary>
        <textarea name="sample-cart" rows={14} value={cartText} onChange={(e) => setCartText(e.target.value)} />
      </details>
      {error === null ? null : <p className="field-error" role="alert">{error}</p>}
      {result === null ? <p>Pricing…</p> : (
        <table className="priced">
          <tbody>
            {result.lines.map((line) => (
              <tr key={line.lineId}>
                <td>{line.lineId}</td>
                <td className="money">{store.money(line.subtotal, result.currency)}</td>
                <td className="money">{line.discount === 0 ? '' : `−${store.money(line.discount, result.currency)}`}</td>
              </tr>
            ))}
            <tr><th>Subtotal</th><td className="money" data-testid="preview-subtotal">{store.money(result.subtotal, result.currency)}</td><td /></tr>
            {result.shipping === null ? null : (
              <tr><th>Shipping</th><td className="money">{store.money(result.shipping.amount, result.currency)}</td><td className="money">{result.shipping.discount === 0 ? '' : `−${store.money(result.shipping.discount, result.currency)}`}</td></tr>
            )}
            <tr><th>This promotion</th><td className="money" data-testid="preview-discount">{store.money(result.discounts[id] ?? 0, result.currency)}</td><td /></tr>
            <tr className="total"><th>Total</th><td className="money" data-testid="preview-total" data-minor={result.total}>{store.money(result.total, result.currency)}</td><td /></tr>
          </tbody>
        </table>
      )}
      {result !== null && result.notApplied[id] !== undefined ? <p className="not-applied">Not applied: {result.notApplied[id].message}</p> : null}
      {result === null ? null : Object.entries(result.codes).map(([code, outcome]) => <p key={code} className="code-outcome"><code>{code}</code>: {outcome.message}</p>)}
      {result !== null && result.gifts.length > 0 ? <p>Gifts: {result.gifts.map((g) => `${g.quantity} × ${g.sku}`).join(', ')}</p> : null}
    </aside>
  );
}
