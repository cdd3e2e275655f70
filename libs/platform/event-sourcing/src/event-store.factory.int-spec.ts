import { createTestDatabase } from '@vertrouwd/testing';
import { createEventStore } from './event-store.factory';
import { PostgresEventStore } from './postgres/postgres-event-store';

describe('createEventStore', () => {
  it('selects PostgreSQL by default, at DATABASE_URL, migrated and ready', async () => {
    const db = await createTestDatabase('factory');
    const store = await createEventStore({ DATABASE_URL: db.url });
    try {
      expect(store).toBeInstanceOf(PostgresEventStore);
      await store.appendToStream('factory-1', [{ type: 'Started', data: {} }], 'no_stream');
      expect(await store.readStream('factory-1')).toHaveLength(1);
    } finally {
      await store.close();
      await db.drop();
    }
  });

  it('says what is missing or wrong in the environment', async () => {
    await expect(createEventStore({ EVENT_STORE: 'kurrentdb' })).rejects.toThrow('EVENT_STORE=kurrentdb needs KURRENTDB_URL');
    await expect(createEventStore({ EVENT_STORE: 'mongo', DATABASE_URL: 'x' })).rejects.toThrow(
      'EVENT_STORE must be postgres or kurrentdb',
    );
    await expect(createEventStore({})).rejects.toThrow('needs DATABASE_URL');
  });
});
