import type { PreparedCart } from '../cart/prepare-cart';
import type { CompiledPromotion } from '../stacking/compiled-promotion';
import type { Bucket, Buckets, Placed } from './index-state';
import { comesBefore } from './index-state';
import { type IndexKey, promotionKeys, visitLineKeys } from './index-keys';
import { PersistentMap } from './persistent-map';

const ANY = '*';

/** Where an automatic promotion is filed: each (channel, currency) it targets, under each of its keys (null = unkeyed). */
interface Filing {
  readonly channels: readonly string[];
  readonly currency: string;
  readonly keys: readonly IndexKey[] | null;
}

function filingOf(placed: Placed): Filing {
  const { promotion } = placed.compiled;
  const { targeting } = promotion;
  return {
    channels: targeting.channels === null ? [ANY] : [...targeting.channels],
    currency: targeting.currency === null || targeting.currency === 'any' ? ANY : targeting.currency,
    keys: promotionKeys(promotion),
  };
}

/**
 * Files every automatic promotion at once (a full compile). Lists are in no particular order: a lookup sorts what
 * it found. The mutable maps are adopted by persistent ones at the end and never touched again.
 */
export function fileAll(automatics: readonly Placed[]): Buckets {
  const building = new Map<string, Map<string, { unkeyed: Placed[]; byKey: Map<string, Map<string, Placed[]>> }>>();
  for (const placed of automatics) {
    const { channels, currency, keys } = filingOf(placed);
    for (const channel of channels) {
      let byCurrency = building.get(channel);
      if (byCurrency === undefined) {
        byCurrency = new Map();
        building.set(channel, byCurrency);
      }
      let bucket = byCurrency.get(currency);
      if (bucket === undefined) {
        bucket = { unkeyed: [], byKey: new Map() };
        byCurrency.set(currency, bucket);
      }
      if (keys === null) bucket.unkeyed.push(placed);
      else {
        for (const key of keys) {
          let byValue = bucket.byKey.get(key.space);
          if (byValue === undefined) {
            byValue = new Map();
            bucket.byKey.set(key.space, byValue);
          }
          const list = byValue.get(key.value);
          if (list === undefined) byValue.set(key.value, [placed]);
          else list.push(placed);
        }
      }
    }
  }
  const adopted = new Map<string, PersistentMap<string, Bucket>>();
  for (const [channel, byCurrency] of building) {
    const buckets = new Map<string, Bucket>();
    for (const [currency, bucket] of byCurrency) {
      const byKey = new Map<string, PersistentMap<string, readonly Placed[]>>();
      for (const [space, byValue] of bucket.byKey) byKey.set(space, PersistentMap.adopt<string, readonly Placed[]>(byValue));
      buckets.set(currency, { unkeyed: bucket.unkeyed, byKey: PersistentMap.adopt(byKey) });
    }
    adopted.set(channel, PersistentMap.adopt(buckets));
  }
  return PersistentMap.adopt(adopted);
}

type ListChange = (list: readonly Placed[]) => readonly Placed[];

/** Applies `change` to every list the promotion is filed in, copying only the path to each list. */
function refile(buckets: Buckets, placed: Placed, change: ListChange): Buckets {
  const { channels, currency, keys } = filingOf(placed);
  let next = buckets;
  for (const channel of channels) {
    const byCurrency = next.get(channel) ?? PersistentMap.empty<string, Bucket>();
    const bucket = byCurrency.get(currency) ?? { unkeyed: [], byKey: PersistentMap.empty() };
    let { unkeyed, byKey } = bucket;
    if (keys === null) unkeyed = change(unkeyed);
    else {
      for (const key of keys) {
        const byValue = byKey.get(key.space) ?? PersistentMap.empty<string, readonly Placed[]>();
        const list = change(byValue.get(key.value) ?? []);
        byKey = byKey.set(key.space, list.length === 0 ? byValue.delete(key.value) : byValue.set(key.value, list));
      }
    }
    next = next.set(channel, byCurrency.set(currency, { unkeyed, byKey }));
  }
  return next;
}

export function withFiled(buckets: Buckets, placed: Placed): Buckets {
  return refile(buckets, placed, (list) => [...list, placed]);
}

export function withoutFiled(buckets: Buckets, placed: Placed): Buckets {
  return refile(buckets, placed, (list) => list.filter((other) => other !== placed));
}

/** The automatic promotions that could apply to the cart, in P7 order (each once). */
export function candidatesFor(buckets: Buckets, cart: PreparedCart): CompiledPromotion[] {
  const found = new Set<Placed>();
  const add = (list: readonly Placed[] | undefined): void => {
    if (list !== undefined) for (const placed of list) found.add(placed);
  };
  const matching: Bucket[] = [];
  for (const channel of cart.channel === ANY ? [ANY] : [cart.channel, ANY]) {
    const byCurrency = buckets.get(channel);
    if (byCurrency === undefined) continue;
    for (const currency of [cart.currency.code, ANY]) {
      const bucket = byCurrency.get(currency);
      if (bucket === undefined) continue;
      matching.push(bucket);
      add(bucket.unkeyed);
    }
  }
  const visit = (space: string, value: string): void => {
    for (const bucket of matching) add(bucket.byKey.get(space)?.get(value));
  };
  if (matching.length > 0) for (const line of cart.lines) if (line.qualifies) visitLineKeys(line, visit);
  return [...found].sort((a, b) => (comesBefore(a, b) ? -1 : comesBefore(b, a) ? 1 : 0)).map((placed) => placed.compiled);
}
