export * from './aggregate';
export * from './domain-errors';
export * from './given';
