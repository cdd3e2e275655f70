export * from './envelope';
export * from './contract';
export * from './registry';
export * from './privacy-check';
export * from './all-contracts';
export * from './fields';
export * from './intake/intake.contracts';
export * from './case/case.contracts';
