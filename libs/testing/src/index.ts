export * from './embedded-postgres';
export * from './test-database';
export * from './eventually';
export * from './tables-containing';
export * from './e-invoice-validation';
export * from './validation-files';
export * from './pdf-reader';
