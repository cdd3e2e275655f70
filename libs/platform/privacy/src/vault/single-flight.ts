/**
 * Callers asking for the same key while it loads share one load: a replay that unseals a thousand
 * values under one key reads and unwraps it once.
 */
export function singleFlight<V>(inFlight: Map<string, Promise<V>>, key: string, load: () => Promise<V>): Promise<V> {
  const running = inFlight.get(key);
  if (running) return running;
  const started = load().finally(() => {
    if (inFlight.get(key) === started) inFlight.delete(key);
  });
  inFlight.set(key, started);
  return started;
}
