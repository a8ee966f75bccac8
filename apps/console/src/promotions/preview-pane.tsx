import type { BodyOf, PricingPaths } from '@promo/client';
import { useEffect, useMemo, useState } from 'react';
import { errorsByField } from '../api/api-error';
import { Field } from '../ui/field';
import { describeError } from '../ui/use-async';
import { useStore } from '../settings/store-context';
import { CartBuilder } from './cart-builder';
import { type CartDraft, cartDraftToWire, cartWireToDraft, sampleCartDraft } from './cart-draft';
import type { PricedCart, PromotionBody } from '../api/console-api';

const DEBOUNCE_MS = 400;
const NO_ERRORS: ReadonlyMap<string, string> = new Map();

type PricedCartInput = NonNullable<BodyOf<PricingPaths, 'post', '/v1/carts/price/dry-run'>['cart']>;

/** A coupon applies only with one of its codes: a sample cart that carries none gets the draft's first. */
function withCouponCode(cart: unknown, draft: Record<string, unknown>): unknown {
  const codes = draft['codes'];
  if (draft['kind'] !== 'coupon' || !Array.isArray(codes) || typeof codes[0] !== 'string') return cart;
  if (typeof cart !== 'object' || cart === null || Array.isArray(cart)) return cart;
  const entered = (cart as Record<string, unknown>)['codes'];
  return Array.isArray(entered) && entered.length > 0 ? cart : { ...cart, codes: [codes[0]] };
}

/** What is priced: the builder's cart, or the JSON as the merchant last typed it (which may carry more than the builder shows). */
type CartSource = { readonly from: 'builder' } | { readonly from: 'json'; readonly text: string };

function priceRequest(source: CartSource, built: ReturnType<typeof cartDraftToWire>): { readonly cart: unknown; readonly at: string | undefined } | string {
  if (source.from === 'builder') return built.errors.length > 0 ? 'Correct the sample cart’s fields.' : { cart: built.cart, at: built.at };
  try {
    return { cart: JSON.parse(source.text) as unknown, at: built.at };
  } catch {
    return 'The sample cart is not valid JSON.';
  }
}

/** Prices a sample cart through the dry-run with the draft as the merchant edits it (nothing is stored). */
export function PreviewPane({ draft, currency }: { readonly draft: Record<string, unknown> | null; readonly currency: string }) {
  const store = useStore();
  const [cartDraft, setCartDraft] = useState<CartDraft>(sampleCartDraft);
  const [source, setSource] = useState<CartSource>({ from: 'builder' });
  const [result, setResult] = useState<PricedCart | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const built = useMemo(() => cartDraftToWire(cartDraft, currency, store.settings.timeZone), [cartDraft, currency, store.settings.timeZone]);
  const cartText = source.from === 'json' ? source.text : JSON.stringify(built.cart, null, 2);

  useEffect(() => {
    if (draft === null) return undefined;
    const request = priceRequest(source, built);
    if (typeof request === 'string') {
      setError(request);
      return undefined;
    }
    const priced = withCouponCode(request.cart, draft);
    let current = true;
    setPending(true);
    const timer = setTimeout(() => {
      // A dry run stores nothing: safe to repeat. The draft and the sample cart are what the merchant typed; pricing checks them.
      const body = { cart: priced as PricedCartInput, promotions: [draft as PromotionBody], ...(request.at === undefined ? {} : { at: request.at }) };
      store.api.pricing
        .post('/v1/carts/price/dry-run', { body, idempotent: true })
        .then(
          (answer) => {
            if (!current) return;
            setResult(answer);
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
  }, [draft, source, built, store.api]);

  const editBuilder = (next: CartDraft) => {
    setCartDraft(next);
    setSource({ from: 'builder' });
  };
  const editJson = (text: string) => {
    setSource({ from: 'json', text });
    try {
      setCartDraft(cartWireToDraft(JSON.parse(text), cartDraft.at));
    } catch {
      // Shown by the pricing effect: "not valid JSON"; the builder keeps the last cart that parsed.
    }
  };

  const id = typeof draft?.['id'] === 'string' ? draft['id'] : '';
  const money = (amount: number) => (result === null ? '' : store.money(amount, result.currency));
  return (
    <aside className="preview" aria-label="Live preview" data-state={pending ? 'pending' : 'settled'}>
      <h2>Live preview</h2>
      <CartBuilder draft={cartDraft} currency={currency} errors={errorsByField(built.errors)} onChange={editBuilder} />
      <details>
        <summary>Sample cart as JSON (amounts in minor units)</summary>
        <Field label="Cart JSON (replaces the builder's cart while it is edited)" path="cart(json)" errors={NO_ERRORS}>
          <textarea name="sample-cart" rows={14} value={cartText} onChange={(e) => editJson(e.target.value)} />
        </Field>
      </details>
      {error === null ? null : <p className="field-error" role="alert">{error}</p>}
      {result === null ? <p>Pricing…</p> : (
        <table className="priced">
          <tbody>
            {result.lines.map((line) => (
              <tr key={line.lineId}>
                <td>{line.lineId}</td>
                <td className="money">{money(line.subtotal)}</td>
                <td className="money">{line.discount === 0 ? '' : `−${money(line.discount)}`}</td>
              </tr>
            ))}
            <tr><th>Subtotal</th><td className="money" data-testid="preview-subtotal">{money(result.subtotal)}</td><td /></tr>
            {result.shipping === null ? null : (
              <tr><th>Shipping</th><td className="money">{money(result.shipping.amount)}</td><td className="money">{result.shipping.discount === 0 ? '' : `−${money(result.shipping.discount)}`}</td></tr>
            )}
            <tr><th>This promotion</th><td className="money" data-testid="preview-discount">{money(result.discounts[id] ?? 0)}</td><td /></tr>
            <tr className="total"><th>Total</th><td className="money" data-testid="preview-total" data-minor={result.total}>{money(result.total)}</td><td /></tr>
          </tbody>
        </table>
      )}
      {result !== null && result.notApplied[id] !== undefined ? <p className="not-applied">Not applied: {result.notApplied[id].message}</p> : null}
      {result === null ? null : (
        <ul className="preview-reasons" aria-label="Why each promotion did or did not apply">
          {result.applied.map((applied) => <li key={applied} data-applied={applied}><code>{applied}</code> applied: −{money(result.discounts[applied] ?? 0)}</li>)}
          {Object.entries(result.notApplied).filter(([other]) => other !== id).map(([other, refusal]) => (
            <li key={other} data-not-applied={other}><code>{other}</code> not applied ({refusal.reason}): {refusal.message}</li>
          ))}
        </ul>
      )}
      {result === null ? null : Object.entries(result.codes).map(([code, outcome]) => <p key={code} className="code-outcome"><code>{code}</code>: {outcome.message}</p>)}
      {result !== null && result.gifts.length > 0 ? <p>Gifts: {result.gifts.map((g) => `${g.quantity} × ${g.sku}`).join(', ')}</p> : null}
    </aside>
  );
}
