// Shapes of the services' HTTP answers that other deployables read (the console), types only: importing
// this entry point pulls in no runtime code (no schema files, no validators).
export type { StepStatistics } from './campaign-statistics';
export type { CodeGroup } from './code-group';
export type { CurrencyFigures, OrderStatistics, UsageStatistics } from './usage-statistics';
