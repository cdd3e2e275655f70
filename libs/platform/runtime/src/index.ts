export * from './platform';
export * from './platform.module';
export * from './start-service';
export * from './run-main';
export * from './describe-service';
