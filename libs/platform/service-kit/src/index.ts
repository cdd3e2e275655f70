export * from './application/command-context';
export * from './application/command-runner';
export * from './http/request-context';
export * from './lifecycles/outbox-relay.lifecycle';
export * from './lifecycles/read-models';
export * from './lifecycles/inbox.migration';
export * from './lifecycles/integration-listener';
export * from './lifecycles/interval-job';
