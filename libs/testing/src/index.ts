export * from './embedded-postgres';
export { clusterDirectory, directoryKey, packagedBinaries, serverUser, SHARED_POSTGRES_ROOT, type ServerUser } from './postgres-user';
export * from './test-database';
export * from './eventually';
export * from './tables-containing';
export * from './e-invoice-validation';
export * from './validation-files';
export * from './pdf-reader';
export * from './row-counts';
