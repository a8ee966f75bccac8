import { problemErrorOf } from '@promo/client';
import { describeGroupRefusal } from './group-refusal';

/** code-inventory's answer to a call on group G, as the typed client throws it. */
const refusal = (status: number, problem: unknown) => problemErrorOf('DELETE /v1/groups/G', status, JSON.stringify(problem));

describe('describeGroupRefusal', () => {
  it('says a group with issued codes is in use', () => {
    const error = refusal(409, { type: '/problems/group-has-issued-codes', title: 'Conflict', status: 409, detail: 'group G has 1 issued codes not yet redeemed; delete with force=true' });
    expect(describeGroupRefusal(error, 'G')).toBe('Group G is in use: some of its codes were given to customers and not yet redeemed, so it cannot be deleted.');
  });

  it('says a group holding codes keeps its promotion', () => {
    expect(describeGroupRefusal(refusal(409, { type: '/problems/group-not-empty', detail: 'x' }), 'G')).toBe('Group G already holds codes, so its promotion cannot change.');
  });

  it('quotes the service for another conflict and leaves other failures to the caller', () => {
    expect(describeGroupRefusal(refusal(409, { type: '/problems/conflict', detail: 'busy' }), 'G')).toBe('Group G could not be changed: busy');
    expect(describeGroupRefusal(refusal(404, { detail: 'no group G' }), 'G')).toBeNull();
    expect(describeGroupRefusal(new Error('network'), 'G')).toBeNull();
  });
});
