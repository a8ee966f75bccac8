import { Field } from '../ui/field';
import type { PromotionDraft } from './promotion-draft';

interface Props {
  readonly draft: PromotionDraft;
  readonly errors: ReadonlyMap<string, string>;
  readonly set: (patch: Partial<PromotionDraft>) => void;
}

type ListKey = 'channels' | 'customerGroupsInclude' | 'customerGroupsExclude' | 'segmentsInclude' | 'segmentsExclude' | 'countriesInclude' | 'countriesExclude' | 'customerIds' | 'markets';

/** Targeting (P4): channels, currency, customer groups, segments, countries, first purchase only; customers and markets (rule 18). */
export function TargetingEditor({ draft, errors, set }: Props) {
  const list = (key: ListKey, label: string, path: string) => (
    <Field label={label} path={path} errors={errors}>
      <input name={path} value={draft[key]} placeholder="comma-separated" onChange={(e) => set({ [key]: e.target.value })} />
    </Field>
  );
  return (
    <section>
      <h2>Who and where</h2>
      <div className="row">
        <Field label="Currency (empty: any currency the cart has)" path="targeting.currency" errors={errors}>
          <input name="targeting.currency" value={draft.currency} maxLength={3} placeholder="USD, or any" onChange={(e) => set({ currency: e.target.value.toUpperCase() === 'ANY' ? 'any' : e.target.value.toUpperCase() })} />
        </Field>
        {list('channels', 'Channels (empty: all)', 'targeting.channels')}
        <Field label="First purchase only" path="targeting.firstPurchaseOnly" errors={errors}>
          <input type="checkbox" checked={draft.firstPurchaseOnly} onChange={(e) => set({ firstPurchaseOnly: e.target.checked })} />
        </Field>
      </div>
      <div className="row">
        {list('customerGroupsInclude', 'Customer groups', 'targeting.customerGroups.include')}
        {list('customerGroupsExclude', 'Except groups', 'targeting.customerGroups.exclude')}
        {list('segmentsInclude', 'Segments', 'targeting.segments.include')}
        {list('segmentsExclude', 'Except segments', 'targeting.segments.exclude')}
        {list('countriesInclude', 'Countries', 'targeting.countries.include')}
        {list('countriesExclude', 'Except countries', 'targeting.countries.exclude')}
      </div>
      <div className="row">
        {list('customerIds', 'Only these customer ids (empty: any; never a guest)', 'targeting.customerIds')}
        {list('markets', 'Markets (empty: any)', 'targeting.markets')}
      </div>
    </section>
  );
}
