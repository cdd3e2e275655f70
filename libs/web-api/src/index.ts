// The services' HTTP APIs for the web services: the types generated from each committed OpenAPI document
// (`openapi/<service>.json`, `npm run openapi`) and a typed client per service. docs/api.md, ADR 0049.
export * from './client';
export type * as BillingApi from './generated/billing';
export type * as CaseApi from './generated/case';
export type * as IntakeApi from './generated/intake';
export type * as MatchingApi from './generated/matching';
export type * as ReportingApi from './generated/reporting';
