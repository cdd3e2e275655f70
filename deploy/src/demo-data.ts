import type { EventStore } from '@vertrouwd/event-sourcing';

/** The stream the launcher seeds once, so a fresh platform has history to read and verify. */
export const DEMO_STREAM = 'demo-welcome';

/** Seeds the demo stream unless it exists; idempotent across restarts (fixed event ids). */
export async function seedDemoData(store: EventStore): Promise<'seeded' | 'present'> {
  if ((await store.readStream(DEMO_STREAM, { maxCount: 1 })).length > 0) return 'present';
  await store.appendToStream(
    DEMO_STREAM,
    [
      { id: '0193a000-0000-7000-8000-000000000001', type: 'PlatformStarted', data: { edition: 'embedded' }, metadata: { actor: 'system' } },
      { id: '0193a000-0000-7000-8000-000000000002', type: 'DemoSeeded', data: { agencies: 0, note: 'domain services arrive with the next issues' }, metadata: { actor: 'system' } },
    ],
    'no_stream',
  );
  return 'seeded';
}
