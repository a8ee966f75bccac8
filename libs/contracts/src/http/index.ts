// Shapes, limits and shared rules of the services' HTTP APIs that other deployables use (the console, campaigns,
// pricing): types, constants and plain validating functions only, so importing this entry point pulls in no schema
// files and no ajv. The calls themselves are described in docs/internal-apis.md.
export type { CurrencyAmount, StepStatistics } from './campaign-statistics';
export { type IssueResult, MAX_ISSUE_BATCH, parseIssueBatchAnswer, parseIssueResult } from './code-issue';
export { type CodeLookupAnswer, type CodeState, isCodeState, parseCodeLookupAnswer } from './code-lookup';
export type { CodeGroup } from './code-group';
export { hasControlCharacter, MAX_CODE_LENGTH, MAX_CODE_TOKEN_LENGTH, PROMOTION_ID_PATTERN, PROMOTION_ID_RULE } from './identifiers';
export { COUPON_USES_PER_CUSTOMER_DEFAULT, usesPerCustomerOf } from './promotion-limits';
export type { PromotionLimitsView, PromotionStatus, PromotionView } from './promotion-view';
export type { CurrencyFigures, OrderStatistics, UsageStatistics } from './usage-statistics';
