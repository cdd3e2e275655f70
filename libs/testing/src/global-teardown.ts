import { rmSync } from 'node:fs';

/** Jest global teardown: runs after every suite, also when tests failed. */
export default async function globalTeardown(): Promise<void> {
  const running = globalThis.__VERTROUWD_TEST_POSTGRES__;
  if (!running) return;
  await running.server.stop();
  for (const root of running.roots) rmSync(root, { recursive: true, force: true });
}
