export * from './event-store.port';
export * from './errors';
export * from './hash-chain';
export * from './ids';
export * from './postgres/postgres-event-store';
export * from './postgres/migrate';
