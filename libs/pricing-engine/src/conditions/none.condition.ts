import type { ConditionDefinition } from './condition-definition';
import { MET } from './verdict';

/** P3: no condition (the rule's `conditions` left out); always met. */
export interface NoCondition {
  readonly kind: 'none';
}

/** Has no wire key: the parser gives it for an absent or empty condition. */
export const noneCondition: ConditionDefinition<NoCondition> = {
  kind: 'none',
  check: () => MET,
  text: () => 'none',
};
