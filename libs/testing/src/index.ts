export * from './embedded-postgres';
export { clusterDirectory, directoryKey, packagedBinaries, SHARED_POSTGRES_ROOT } from './postgres-user';
export * from './test-database';
export * from './eventually';
export * from './tables-containing';
export * from './e-invoice-validation';
export * from './validation-files';
export * from './pdf-reader';
export * from './row-counts';
