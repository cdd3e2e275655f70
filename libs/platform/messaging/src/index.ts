export * from './message-bus.port';
export * from './message-bus.factory';
export * from './partitioner';
export * from './inbox';
export * from './postgres/postgres-message-bus';
