import { useEffect, useState } from 'react';
import { useStore } from '../settings/store-context';
import { Field } from '../ui/field';
import { type CartDraft, type CartLineDraft, type SeenProduct, emptyLine, lineOfProduct } from './cart-draft';

interface Props {
  readonly draft: CartDraft;
  readonly currency: string;
  readonly errors: ReadonlyMap<string, string>;
  readonly onChange: (draft: CartDraft) => void;
}

/** The products the recent carts carried in this currency (pricing's catalog route); none when it cannot be read. */
function useSeenProducts(currency: string): readonly SeenProduct[] {
  const { api } = useStore();
  const [products, setProducts] = useState<readonly SeenProduct[]>([]);
  useEffect(() => {
    let current = true;
    api.pricing.get('/v1/catalog/seen-products').then(
      (answer) => current && setProducts(answer.products.filter((p) => p.currency === currency)),
      // A suggestion only: lines can still be typed.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api, currency]);
  return products;
}

function LineEditor({ line, index, currency, errors, onChange, onRemove }: { readonly line: CartLineDraft; readonly index: number; readonly currency: string; readonly errors: ReadonlyMap<string, string>; readonly onChange: (line: CartLineDraft) => void; readonly onRemove: () => void }) {
  const at = (field: string) => `cart.lines[${index}].${field}`;
  const input = (field: keyof CartLineDraft, label: string) => (
    <Field label={label} path={at(field)} errors={errors}>
      <input name={at(field)} value={line[field]} onChange={(e) => onChange({ ...line, [field]: e.target.value })} />
    </Field>
  );
  return (
    <li className="cart-line" data-line={index}>
      <div className="row">
        {input('sku', 'SKU')}
        {input('productId', 'Product')}
        {input('quantity', 'Quantity')}
        {input('unitPrice', `Unit price (${currency})`)}
      </div>
      <div className="row">
        {input('categories', 'Categories (comma-separated)')}
        {input('brand', 'Brand')}
        <button type="button" onClick={onRemove}>Remove line</button>
      </div>
    </li>
  );
}

/** The preview's sample cart without JSON: lines (picked from recent carts or typed), customer, shipping, codes and the pricing time. */
export function CartBuilder({ draft, currency, errors, onChange }: Props) {
  const store = useStore();
  const products = useSeenProducts(currency);
  const [picked, setPicked] = useState('');
  const set = (patch: Partial<CartDraft>) => onChange({ ...draft, ...patch });
  const field = (key: Exclude<keyof CartDraft, 'lines'>, label: string, path: string, type = 'text') => (
    <Field label={label} path={path} errors={errors}>
      <input type={type} name={`cart-builder.${key}`} value={draft[key]} onChange={(e) => set({ [key]: e.target.value })} />
    </Field>
  );
  const addPicked = () => {
    const product = products.find((p) => p.sku === picked);
    if (product !== undefined) set({ lines: [...draft.lines, lineOfProduct(product)] });
  };
  return (
    <div className="cart-builder">
      <h3>Sample cart</h3>
      <ol className="cart-lines">
        {draft.lines.map((line, i) => (
          <LineEditor
            key={i}
            line={line}
            index={i}
            currency={currency}
            errors={errors}
            onChange={(next) => set({ lines: draft.lines.map((l, j) => (j === i ? next : l)) })}
            onRemove={() => set({ lines: draft.lines.filter((_, j) => j !== i) })}
          />
        ))}
      </ol>
      <div className="row">
        <Field label="Product seen in recent carts" path="cart-builder.seen" errors={errors}>
          <select name="cart-builder.seen" value={picked} onChange={(e) => setPicked(e.target.value)}>
            <option value="">{products.length === 0 ? 'none seen yet' : 'choose…'}</option>
            {products.map((p) => <option key={p.sku} value={p.sku}>{`${p.sku} (${p.productId}) ${store.money(p.unitPrice, p.currency)}`}</option>)}
          </select>
        </Field>
        <button type="button" disabled={picked === ''} onClick={addPicked}>Add seen product</button>
        <button type="button" onClick={() => set({ lines: [...draft.lines, emptyLine()] })}>Add line</button>
      </div>
      <div className="row">
        {field('customerId', 'Customer id (empty: guest)', 'cart.customer.customerId')}
        {field('groups', 'Customer groups', 'cart.customer.groups')}
        {field('orderCount', 'Orders placed before', 'cart.customer.orderCount')}
        {field('channel', 'Channel', 'cart.channel')}
      </div>
      <div className="row">
        {field('country', 'Ship to country', 'cart.shipping.country')}
        {field('shippingMethod', 'Shipping method', 'cart.shipping.method')}
        {field('shippingAmount', `Shipping (${currency})`, 'cart.shipping.amount')}
        {field('codes', 'Codes (comma-separated)', 'cart.codes')}
      </div>
      <div className="row">
        {field('at', `Price at (${store.settings.timeZone}; empty: now)`, 'at', 'datetime-local')}
      </div>
    </div>
  );
}
