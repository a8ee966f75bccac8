// code-inventory's answers as its OpenAPI document shows them (#24), written by hand for one store: the group
// winback-2026 of promotion promo-winback holds 500 codes, 120 issued and 30 of those redeemed.
// Redocly's lint (libs/contracts/src/openapi/openapi-documents.spec.ts) checks each against its documented schema.

export const CODE_GROUP_EXAMPLE = {
  groupId: 'winback-2026',
  name: 'Win-back 2026',
  promotionId: 'promo-winback',
  total: 500,
  available: 380,
  issued: 120,
  redeemed: 30,
  createdAt: '2026-01-05T09:00:00.000Z',
  updatedAt: '2026-02-01T17:42:10.000Z',
};

export const GROUP_LIST_EXAMPLE = { groups: [CODE_GROUP_EXAMPLE] };

export const DELETED_GROUP_EXAMPLE = { deletedCodes: 500 };

export const SHARED_CODE_EXAMPLE = { code: 'WELCOME20', normalizedCode: 'welcome20', promotionId: 'promo-welcome', hidden: false };

export const PUBLIC_CODES_EXAMPLE = { codes: [SHARED_CODE_EXAMPLE] };

export const REGISTERED_SHARED_CODES_EXAMPLE = { promotionId: 'promo-welcome', codes: ['WELCOME20'] };

export const ADDED_CODES_PAGE_EXAMPLE = {
  codes: [
    { id: '1200001', code: 'WB-7KQ2-MXPA', state: 'available' },
    { id: '1200002', code: 'WB-3HDZ-QRTE', state: 'issued' },
  ],
  nextFromId: '1200003',
};

export const CUSTOMER_ISSUANCE_EXAMPLE = {
  customerId: 'cu-77',
  codesIssued: 1,
  issues: [
    { code: 'WB-3HDZ-QRTE', groupId: 'winback-2026', issue: 'first', boundToCustomer: true, issuedAt: '2026-01-20T10:15:00.000Z' },
    { code: 'WB-3HDZ-QRTE', groupId: 'winback-2026', issue: 'repeat', boundToCustomer: true, issuedAt: '2026-01-27T10:15:00.000Z' },
  ],
};

export const GROUP_CUSTOMERS_PAGE_EXAMPLE = { customers: [{ customerId: 'cu-12', codesIssued: 1 }, { customerId: 'cu-77', codesIssued: 1 }], next: null };

// An upload imports every line or none: a 200's lists are empty (an upload with invalid or duplicate lines is a 400,
// one with codes the store already holds a 409, each carrying this report as extension members).
export const UPLOAD_REPORT_EXAMPLE = { imported: 4, duplicates: [], invalid: [], duplicateCount: 0, invalidCount: 0 };

export const GENERATION_QUEUED_EXAMPLE = {
  id: '7d0c2a6e-1f7b-4b7e-9d55-0b1f9c1e2a40',
  groupId: 'winback-2026',
  state: 'queued',
  total: 100000,
  done: 0,
  collisions: 0,
  codesPerSecond: null,
  etaSeconds: null,
  spec: { count: 100000, pattern: 'WB-####-????' },
  createdAt: '2026-01-05T09:00:00.000Z',
  finishedAt: null,
  error: null,
};

// 40,000 of 100,000 inserted at 20,000 a second: 60,000 left take 3 s.
export const GENERATION_RUNNING_EXAMPLE = { ...GENERATION_QUEUED_EXAMPLE, state: 'running', done: 40000, collisions: 3, codesPerSecond: 20000, etaSeconds: 3 };

export const GENERATION_CANCELLED_EXAMPLE = { ...GENERATION_RUNNING_EXAMPLE, state: 'cancelled', codesPerSecond: null, etaSeconds: null, finishedAt: '2026-01-05T09:00:04.000Z' };

export const JOB_EVENTS_EXAMPLE = `event: progress\ndata: ${JSON.stringify(GENERATION_RUNNING_EXAMPLE)}\n\n`;

export const EXPORT_CSV_EXAMPLE =
  'code,normalized_code,promotion_id,group_id,state,hidden,issued_to,issued_at,bound_customer_id,redeemed_at\n' +
  'WB-7KQ2-MXPA,wb-7kq2-mxpa,promo-winback,winback-2026,available,f,,,,\n' +
  'WB-3HDZ-QRTE,wb-3hdz-qrte,promo-winback,winback-2026,issued,f,cu-77,2026-01-20 10:15:00+00,cu-77,\n';

// The code cu-77 was issued and bound to, looked up with the token of its email link.
export const CODE_LOOKUP_EXAMPLE = {
  code: 'WB-3HDZ-QRTE',
  normalizedCode: 'wb-3hdz-qrte',
  promotionId: 'promo-winback',
  groupId: 'winback-2026',
  state: 'issued',
  hidden: false,
  isBound: true,
  tokenValid: true,
};

export const ISSUE_RESULT_EXAMPLE = { code: 'WB-3HDZ-QRTE', issue: 'first', token: 'k1.d2IuM2hkei1xcnRlOmN1LTc3.c2lnbmF0dXJl', promotionId: 'promo-winback' };

// Two requests of a group with one code left: the first takes it, the second gets nothing.
export const ISSUE_BATCH_EXAMPLE = { results: [ISSUE_RESULT_EXAMPLE, { code: null, issue: null, token: null, promotionId: null }] };
