// Shapes and limits of the services' HTTP APIs that other deployables use (the console, campaigns): types and
// constants only, so importing this entry point pulls in no schema files and no validators.
export type { CurrencyAmount, StepStatistics } from './campaign-statistics';
export { type IssueResult, MAX_ISSUE_BATCH } from './code-issue';
export type { CodeGroup } from './code-group';
export { hasControlCharacter, MAX_CODE_LENGTH, MAX_CODE_TOKEN_LENGTH, PROMOTION_ID_PATTERN, PROMOTION_ID_RULE } from './identifiers';
export type { CurrencyFigures, OrderStatistics, UsageStatistics } from './usage-statistics';
