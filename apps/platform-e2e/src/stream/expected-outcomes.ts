import { readFileSync } from 'node:fs';

/** The recorded stream's expected file (streams README, "What the expected file holds"). */
export interface ExpectedOutcomes {
  readonly records: number;
  readonly distinctEvents: number;
  readonly redeliveries: number;
  readonly malformed: number;
  readonly byType: Readonly<Record<string, number>>;
  readonly orders: number;
  readonly cancelledOrders: number;
  readonly abandonedCartEmails: readonly { readonly cartId: string; readonly customerId: string; readonly dueAt: string }[];
  readonly retentionEmails: readonly { readonly customerId: string }[];
  readonly codes: Readonly<
    Record<
      string,
      {
        readonly orders: number;
        readonly distinctCustomers: number;
        readonly ordersCancelled: number;
        readonly repeatUsesBySameCustomer: number;
        readonly maxUses?: number;
        readonly distinctCodes?: number;
        readonly poolSize?: number;
      }
    >
  >;
  readonly revenue: { readonly ordersTotal: number };
}

export function loadExpected(file: string): ExpectedOutcomes {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  for (const field of ['records', 'distinctEvents', 'malformed', 'byType', 'abandonedCartEmails', 'retentionEmails', 'codes', 'revenue']) {
    if (!(field in parsed)) throw new Error(`${file}: the expected file has no ${field}`);
  }
  return parsed as unknown as ExpectedOutcomes;
}
