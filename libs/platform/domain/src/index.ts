export * from './aggregate';
export * from './domain-errors';
export * from './given';
export * from './calendar';
export * from './legal-deadlines';
export * from './random';
export * from './ids';
export * from './plain-text';
