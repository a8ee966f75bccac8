/** C6: a group of codes with its balances, as code-inventory's `GET /v1/groups` answers it. */
export interface CodeGroup {
  readonly groupId: string;
  readonly name: string;
  readonly promotionId: string;
  readonly total: number;
  readonly available: number;
  readonly issued: number;
  readonly redeemed: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}
