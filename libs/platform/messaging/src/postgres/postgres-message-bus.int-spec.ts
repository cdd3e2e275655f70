import { createTestDatabase } from '@vertrouwd/testing';
import { describeConsumerKill } from '../contract/consumer-kill.contract';
import { describeMessageBusContract } from '../contract/message-bus.contract';
import { PostgresMessageBus } from './postgres-message-bus';

describeMessageBusContract('Postgres bus', async () => {
  const db = await createTestDatabase('bus_contract');
  const bus = await PostgresMessageBus.create({ connectionString: db.url, partitions: 4, pollIntervalMs: 200 });
  return { bus, cleanup: async () => (await bus.close(), await db.drop()) };
});

describeConsumerKill('Postgres bus', async () => {
  const db = await createTestDatabase('bus_kill');
  const bus = await PostgresMessageBus.create({ connectionString: db.url, partitions: 4 });
  return { bus, busEnv: { BUS: 'postgres', BUS_DATABASE_URL: db.url }, cleanup: async () => (await bus.close(), await db.drop()) };
});
