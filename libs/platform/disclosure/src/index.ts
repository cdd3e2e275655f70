export * from './model';
export * from './errors';
export { protect } from './protect';
export { checkAgainstLedger, type LedgerProblem } from './ledger/check-against-ledger';
export * from './attack/attack';
