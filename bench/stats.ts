// Per-event figures of one timed section, and their medians over runs.
import type { Measurement } from './metrics';

export interface Figures {
  eventsPerSec: number;
  nodeUsPerEvent: number;
  pgUsPerEvent: number;
  walBytesPerEvent: number;
  /** CPU used as a share of all cores over the wall time: near 100 % means CPU-bound. */
  nodeBusyPct: number;
  pgBusyPct: number;
}

export function figures(m: Measurement, cores: number): Figures {
  const wallUs = m.wallMs * 1000;
  return {
    eventsPerSec: (m.events * 1000) / m.wallMs,
    nodeUsPerEvent: m.nodeCpuUs / m.events,
    pgUsPerEvent: m.pgCpuUs / m.events,
    walBytesPerEvent: m.walBytes / m.events,
    nodeBusyPct: (100 * m.nodeCpuUs) / (wallUs * cores),
    pgBusyPct: (100 * m.pgCpuUs) / (wallUs * cores),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The median of each figure on its own, over the runs that completed. */
export function medianFigures(runs: Figures[]): Figures | undefined {
  if (runs.length === 0) return undefined;
  const keys = Object.keys(runs[0]) as (keyof Figures)[];
  return Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r[k]))])) as unknown as Figures;
}
