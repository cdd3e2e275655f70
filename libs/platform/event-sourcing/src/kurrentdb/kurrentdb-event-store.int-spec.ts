import { randomBytes } from 'node:crypto';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { KurrentDbEventStore } from './kurrentdb-event-store';

const url = process.env.KURRENTDB_URL;
const SKIPPED =
  'KurrentDB contract suite skipped: KURRENTDB_URL is not set (no KurrentDB server on this machine; ' +
  'start one with `docker compose up kurrentdb` and set KURRENTDB_URL=kurrentdb://localhost:2113?tls=false)';

if (url) {
  // Each run writes under its own stream prefix, so re-runs against a long-lived server never see each other's
  // events (the prefix also scopes readAll, headPosition and subscriptions).
  describeEventStoreContract('KurrentDB', async () => {
    const store = KurrentDbEventStore.connect(url, { streamPrefix: `run${randomBytes(6).toString('hex')}.` });
    return { store, cleanup: () => store.close() };
  });
} else {
  console.log(SKIPPED);
  describe('KurrentDbEventStore against a KurrentDB server', () => {
    it.skip(SKIPPED, () => undefined);
  });
}
