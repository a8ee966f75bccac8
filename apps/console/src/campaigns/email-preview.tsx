import type { AnswerOf, BodyOf, CampaignsPaths } from '@promo/client';
import { useState } from 'react';
import { ApiProblemError, type FieldError, errorsByField } from '../api/api-error';
import { useStore } from '../settings/store-context';
import { Field } from '../ui/field';
import { describeError } from '../ui/use-async';

const PREVIEW = '/v1/campaigns/{campaignId}/steps/{step}/preview';
/** The rendered email campaigns answers (its OpenAPI document). */
type RenderedEmail = AnswerOf<CampaignsPaths, 'post', typeof PREVIEW>;
type PreviewCart = BodyOf<CampaignsPaths, 'post', typeof PREVIEW>['cart'];

/** A cart as cart.updated carries it, to start from: the merchant edits it into the cart to preview. */
const SAMPLE_CART = {
  cartId: 'cart-42',
  channel: 'web',
  currency: 'USD',
  customer: { customerId: 'c-1001', email: 'jane@example.com' },
  lines: [
    { lineId: 'l1', sku: 'SHIRT-L', productId: 'p-shirt', name: 'Linen shirt', quantity: 2, unitPrice: 2500, imageUrl: 'https://shop.example.com/img/linen-shirt.png' },
    { lineId: 'l2', sku: 'SHOE-42', productId: 'p-shoe', name: 'Canvas shoes', quantity: 1, unitPrice: 6000 },
  ],
  recoveryUrl: 'https://shop.example.com/cart/cart-42',
  updatedAt: '2026-03-01T10:00:00Z',
};

function isJsonObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The saved step's email for a chosen cart (#25), rendered by the campaigns service as it would send it (a
 * placeholder for each code, nothing issued or sent): the HTML in a sandboxed frame (no script, no same
 * origin), the text beside it.
 */
export function EmailPreview({ campaignId, step }: { readonly campaignId: string; readonly step: number }) {
  const store = useStore();
  const [cartJson, setCartJson] = useState(JSON.stringify(SAMPLE_CART, null, 2));
  const [email, setEmail] = useState<RenderedEmail | null>(null);
  const [errors, setErrors] = useState<readonly FieldError[]>([]);
  const [message, setMessage] = useState<string | null>(null);

  async function preview() {
    let cart: unknown;
    try {
      cart = JSON.parse(cartJson);
    } catch {
      setErrors([{ field: 'cart', reason: 'invalid_json', detail: 'The cart is not valid JSON.' }]);
      return;
    }
    if (!isJsonObject(cart)) {
      setErrors([{ field: 'cart', reason: 'invalid_type', detail: 'The cart must be a JSON object.' }]);
      return;
    }
    try {
      // A preview renders and remembers nothing: safe to repeat. The cart is what the merchant typed; campaigns checks it (a 400 names each field).
      const path = { campaignId, step: String(step) };
      setEmail(await store.api.campaigns.post(PREVIEW, { path, body: { cart: cart as PreviewCart }, idempotent: true }));
      setErrors([]);
      setMessage(null);
    } catch (failure) {
      setEmail(null);
      setErrors(failure instanceof ApiProblemError ? failure.errors : []);
      setMessage(describeError(failure));
    }
  }

  const byField = errorsByField(errors);
  return (
    <details className="email-preview">
      <summary>Preview this email for a cart (saved template)</summary>
      <Field label="Cart (as cart.updated sends it)" path="cart" errors={byField}>
        <textarea name={`preview-cart-${step}`} rows={10} value={cartJson} onChange={(e) => setCartJson(e.target.value)} />
      </Field>
      {[...byField].filter(([field]) => field !== 'cart').map(([field, detail]) => <p key={field} className="field-error" role="alert">{field}: {detail}</p>)}
      <button type="button" onClick={() => void preview()}>Preview</button> {message === null ? null : <span role="status">{message}</span>}
      {email === null ? null : (
        <div className="grid2">
          <div>
            <strong>{email.subject}</strong>
            <iframe title={`HTML preview of email ${step}`} sandbox="" srcDoc={email.html} className="email-preview-html" />
          </div>
          <div className="template-preview" aria-label={`Text preview of email ${step}`}>{email.text}</div>
        </div>
      )}
    </details>
  );
}
