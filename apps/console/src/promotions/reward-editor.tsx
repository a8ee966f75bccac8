import type { ReactNode } from 'react';
import { Field } from '../ui/field';
import { REWARD_LABELS, REWARD_TYPES, type RewardDraft, type RewardType, emptyReward } from './promotion-draft';

interface Props {
  readonly reward: RewardDraft;
  readonly path: string;
  readonly currency: string;
  readonly errors: ReadonlyMap<string, string>;
  readonly onChange: (reward: RewardDraft) => void;
  readonly allowTiered?: boolean;
}

const ITEMS_HINT = 'category: shoes, bags · sku: A1 · all · or JSON';

/** Every reward of the engine (P2); a tiered reward holds one nested reward per tier. */
export function RewardEditor({ reward, path, currency, errors, onChange, allowTiered = true }: Props) {
  const set = (patch: Partial<RewardDraft>) => onChange({ ...reward, ...patch });
  const input = (key: 'percent' | 'amount' | 'price' | 'quantity' | 'items' | 'maxQuantityPerLine' | 'zones' | 'methods' | 'sku' | 'productId' | 'maxDiscount' | 'maxRounds', label: string, wirePath = key, placeholder = '') => (
    <Field label={label} path={`${path}.${wirePath}`} errors={errors}>
      <input name={`${path}.${wirePath}`} value={reward[key]} placeholder={placeholder} onChange={(e) => set({ [key]: e.target.value })} />
    </Field>
  );
  const frequency = (
    <Field label="How often" path={`${path}.frequency`} errors={errors}>
      <select value={reward.frequency} onChange={(e) => set({ frequency: e.target.value === 'unlimited' ? 'unlimited' : 'once' })}>
        <option value="once">once per order</option>
        <option value="unlimited">every time it qualifies</option>
      </select>
    </Field>
  );
  const applyTo = (
    <div className="row">
      <Field label="Apply to" path={`${path}.applyTo`} errors={errors}>
        <select value={reward.applyTo} onChange={(e) => set({ applyTo: e.target.value as RewardDraft['applyTo'] })}>
          <option value="each">each matching unit</option>
          <option value="spread">spread over the matching lines</option>
          <option value="cheapest">the cheapest N units</option>
          <option value="mostExpensive">the most expensive N units</option>
        </select>
      </Field>
      {reward.applyTo === 'cheapest' || reward.applyTo === 'mostExpensive' ? (
        <Field label="N" path={`${path}.applyTo.${reward.applyTo}`} errors={errors}>
          <input value={reward.applyCount} onChange={(e) => set({ applyCount: e.target.value })} />
        </Field>
      ) : null}
      {input('maxQuantityPerLine', 'Max units per line')}
    </div>
  );
  const shipping = (
    <div className="row">
      {input('zones', 'Zones (empty: all)', 'zones')}
      {input('methods', 'Methods (empty: all)', 'methods')}
    </div>
  );

  function body() {
    switch (reward.type) {
      case 'orderPercent':
        return input('percent', 'Percent off');
      case 'orderAmount':
        return input('amount', `Amount off (${currency})`);
      case 'itemsPercent':
        return <>{input('percent', 'Percent off')}{input('items', 'Items', 'items', ITEMS_HINT)}{applyTo}{frequency}</>;
      case 'itemsAmount':
        return <>{input('amount', `Amount off each (${currency})`)}{input('items', 'Items', 'items', ITEMS_HINT)}{applyTo}{frequency}</>;
      case 'linesAmount':
        return <>{input('amount', `Amount off each line (${currency})`)}{input('items', 'Items', 'items', ITEMS_HINT)}</>;
      case 'fixedOrderTotal':
        return input('amount', `Discountable subtotal becomes (${currency})`);
      case 'freeShipping':
        return shipping;
      case 'shippingAmount':
        return <>{input('amount', `Amount off shipping (${currency})`)}{shipping}</>;
      case 'shippingPercent':
        return <>{input('percent', 'Percent off shipping')}{shipping}</>;
      case 'gift':
        return <div className="row">{input('sku', 'Gift SKU')}{input('productId', 'Gift product id')}{input('quantity', 'Quantity')}{frequency}</div>;
      case 'fixedPrice':
        return <div className="row">{input('quantity', 'Quantity')}{input('price', `For (${currency})`)}{input('items', 'Items', 'items', ITEMS_HINT)}{frequency}</div>;
      case 'buyXgetY':
        return <BuyGetEditor reward={reward} path={path} currency={currency} errors={errors} set={set} frequency={frequency} />;
      case 'tiered':
        return <TiersEditor reward={reward} path={path} currency={currency} errors={errors} set={set} />;
    }
  }

  return (
    <fieldset className="reward" data-path={path}>
      <Field label="Reward" path={`${path}.type`} errors={errors}>
        <select name={`${path}.type`} value={reward.type} onChange={(e) => onChange({ ...emptyReward(e.target.value as RewardType), tiers: reward.tiers })}>
          {REWARD_TYPES.filter((t) => allowTiered || t !== 'tiered').map((t) => (
            <option key={t} value={t}>{REWARD_LABELS[t]}</option>
          ))}
        </select>
      </Field>
      {body()}
      <div className="row">
        {reward.type === 'gift' || reward.type === 'tiered' ? null : input('maxDiscount', `At most (${currency}, empty: no cap)`)}
        {reward.type === 'buyXgetY' && reward.frequency === 'unlimited' ? input('maxRounds', 'At most rounds (empty: no cap)') : null}
      </div>
    </fieldset>
  );
}

interface PartProps {
  readonly reward: RewardDraft;
  readonly path: string;
  readonly currency: string;
  readonly errors: ReadonlyMap<string, string>;
  readonly set: (patch: Partial<RewardDraft>) => void;
}

function BuyGetEditor({ reward, path, currency, errors, set, frequency }: PartProps & { readonly frequency: ReactNode }) {
  return (
    <>
      <div className="row">
        <Field label="Buy quantity" path={`${path}.buy.quantity`} errors={errors}><input value={reward.buyQuantity} onChange={(e) => set({ buyQuantity: e.target.value })} /></Field>
        <Field label="Of items" path={`${path}.buy.items`} errors={errors}><input value={reward.buyItems} placeholder={ITEMS_HINT} onChange={(e) => set({ buyItems: e.target.value })} /></Field>
      </div>
      <div className="row">
        <Field label="Get quantity" path={`${path}.get.quantity`} errors={errors}><input value={reward.getQuantity} onChange={(e) => set({ getQuantity: e.target.value })} /></Field>
        <Field label="Of items" path={`${path}.get.items`} errors={errors}><input value={reward.getItems} placeholder={ITEMS_HINT} onChange={(e) => set({ getItems: e.target.value })} /></Field>
        <Field label="At" path={`${path}.get.${reward.getValueKind}`} errors={errors}>
          <span className="row">
            <input value={reward.getValue} onChange={(e) => set({ getValue: e.target.value })} />
            <select value={reward.getValueKind} onChange={(e) => set({ getValueKind: e.target.value === 'amount' ? 'amount' : 'percent' })}>
              <option value="percent">% off</option>
              <option value="amount">{currency} off</option>
            </select>
          </span>
        </Field>
        <Field label="Pick" path={`${path}.pick`} errors={errors}>
          <select value={reward.pick} onChange={(e) => set({ pick: e.target.value === 'mostExpensive' ? 'mostExpensive' : 'cheapest' })}>
            <option value="cheapest">cheapest units</option>
            <option value="mostExpensive">most expensive units</option>
          </select>
        </Field>
        {frequency}
      </div>
    </>
  );
}

function TiersEditor({ reward, path, currency, errors, set }: PartProps) {
  const setTier = (index: number, patch: Partial<RewardDraft['tiers'][number]>) => set({ tiers: reward.tiers.map((tier, i) => (i === index ? { ...tier, ...patch } : tier)) });
  return (
    <div className="tiers">
      <Field label="Tiers by" path={`${path}.basis`} errors={errors}>
        <select name={`${path}.basis`} value={reward.basis} onChange={(e) => set({ basis: e.target.value === 'quantity' ? 'quantity' : 'subtotal' })}>
          <option value="subtotal">cart subtotal</option>
          <option value="quantity">number of items</option>
        </select>
      </Field>
      {errors.has(`${path}.tiers`) ? <span className="field-error" role="alert">{errors.get(`${path}.tiers`)}</span> : null}
      <ol>
        {reward.tiers.map((tier, i) => (
          <li key={i} className="tier" data-tier={i}>
            <Field label={reward.basis === 'subtotal' ? `From (${currency})` : 'From (items)'} path={`${path}.tiers[${i}].atLeast`} errors={errors}>
              <input name={`${path}.tiers[${i}].atLeast`} value={tier.atLeast} onChange={(e) => setTier(i, { atLeast: e.target.value })} />
            </Field>
            <RewardEditor reward={tier.reward} path={`${path}.tiers[${i}].reward`} currency={currency} errors={errors} allowTiered={false} onChange={(r) => setTier(i, { reward: r })} />
            <button type="button" onClick={() => set({ tiers: reward.tiers.filter((_, j) => j !== i) })}>Remove tier</button>
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => set({ tiers: [...reward.tiers, { atLeast: '', reward: { ...emptyReward('orderPercent') } }] })}>Add tier</button>
    </div>
  );
}
