export * from './embedded-postgres';
export * from './test-database';
export * from './eventually';
export * from './tables-containing';
export * from './row-counts';
