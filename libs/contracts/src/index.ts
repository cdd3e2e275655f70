export * from './envelope';
export * from './contract';
export * from './registry';
export * from './privacy-check';
export * from './all-contracts';
export * from './sample/mark-recorded.contract';
