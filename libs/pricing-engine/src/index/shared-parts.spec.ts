import { anAutomatic } from '../../test/builders/promotion.builder';
import type { ItemSelector, Promotion } from '../model/promotion';
import { parsePromotion } from '../validation/parse-promotion';
import { partSharing } from './shared-parts';

function parsed(raw: unknown): Promotion {
  const result = parsePromotion(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

const shoes = { include: { category: ['shoes'] } };

/** The item selector of the promotion's first rule's reward. */
function rewardItems(promotion: Promotion): ItemSelector {
  const reward = promotion.rules[0]?.reward;
  if (reward === undefined || !('items' in reward)) throw new Error('The first reward has no items.');
  return reward.items;
}

describe('partSharing', () => {
  it('makes equal item selectors one object across promotions and kinds', () => {
    const share = partSharing();
    const a = share(parsed(anAutomatic('a', { type: 'itemsPercent', percent: 10, items: shoes })));
    const b = share(parsed(anAutomatic('b', { type: 'linesAmount', amount: 100, items: { include: { category: ['shoes'] } } })));
    expect(rewardItems(b)).toBe(rewardItems(a));
  });

  it('keeps different selectors apart', () => {
    const share = partSharing();
    const a = share(parsed(anAutomatic('a', { type: 'itemsPercent', percent: 10, items: shoes })));
    const b = share(parsed(anAutomatic('b', { type: 'itemsPercent', percent: 10, items: { include: { category: ['bags'] } } })));
    expect(rewardItems(b)).not.toBe(rewardItems(a));
  });

  it('makes equal conditions one object, nested ones included, and a set in another order is the same set', () => {
    const share = partSharing();
    const condition = (categories: string[]) => ({ all: [{ subtotalAtLeast: 5000 }, { quantityAtLeast: { count: 2, items: { include: { category: categories } } } }] });
    const a = share(parsed(anAutomatic('a', {}, { rules: [{ conditions: condition(['shoes', 'bags']), reward: { type: 'orderPercent', percent: 5 } }] })));
    const b = share(parsed(anAutomatic('b', {}, { rules: [{ conditions: condition(['bags', 'shoes']), reward: { type: 'orderAmount', amount: 500 } }] })));
    const c = share(parsed(anAutomatic('c', {}, { rules: [{ conditions: { subtotalAtLeast: 6000 }, reward: { type: 'orderAmount', amount: 500 } }] })));
    expect(b.rules[0]?.conditions).toBe(a.rules[0]?.conditions);
    expect(c.rules[0]?.conditions).not.toBe(a.rules[0]?.conditions);
  });

  it('shares a tier reward\'s selector with the same selector elsewhere', () => {
    const share = partSharing();
    const a = share(parsed(anAutomatic('a', { type: 'fixedPrice', quantity: 2, price: 1000, items: shoes })));
    const b = share(parsed(anAutomatic('b', { type: 'tiered', basis: 'quantity', tiers: [{ atLeast: 2, reward: { type: 'itemsAmount', amount: 100, items: shoes } }] })));
    const tiered = b.rules[0]?.reward;
    const tierReward = tiered?.type === 'tiered' ? tiered.tiers[0]?.reward : undefined;
    expect(tierReward !== undefined && 'items' in tierReward ? tierReward.items : null).toBe(rewardItems(a));
  });

  it('makes equal targeting and usage one object, and changes no value', () => {
    const share = partSharing();
    const raw = (id: string) => anAutomatic(id, { type: 'orderPercent', percent: 5 }, { targeting: { channels: ['web'], currency: 'USD' }, usage: { limit: 10, used: 2 } });
    const first = parsed(raw('a'));
    const a = share(first);
    const b = share(parsed(raw('b')));
    expect(b.targeting).toBe(a.targeting);
    expect(b.usage).toBe(a.usage);
    expect(a).toEqual(first);
  });
});
