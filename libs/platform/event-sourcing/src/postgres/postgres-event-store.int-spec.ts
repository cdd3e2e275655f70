import { createTestDatabase, type TestDatabase } from '@vertrouwd/testing';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { PostgresEventStore } from './postgres-event-store';

describeEventStoreContract('PostgreSQL', async () => {
  const db: TestDatabase = await createTestDatabase('es_contract');
  const store = await PostgresEventStore.create({ connectionString: db.url, poolSize: 4 });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await db.drop();
    },
  };
});
