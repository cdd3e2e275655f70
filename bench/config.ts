// What one benchmark run measures, read from the environment so a smoke run can shrink it.
export interface BenchConfig {
  /** Events in scenario (b); the other scenarios are sized from it. */
  events: number;
  runs: number;
  poolSize: number;
  concurrency: number;
  /** Events per stream in the one-event-per-append scenarios. */
  streamLength: number;
  /** Events per append in scenario (b), and so per stream read in (c). */
  batchSize: number;
  /** Page size of the read-all and the projection rebuild. */
  pageSize: number;
  /** Approximate JSON size of one event's data. */
  eventBytes: number;
  /** Fractions of `events` written by the one-event-per-append scenarios (they are fsync-bound). */
  a1Fraction: number;
  a16Fraction: number;
  /** Decisions timed in the matching decision benchmark (`decide()` alone; one in 40 of them, 100–1,000, with the reads). */
  decisions: number;
  /** Reports timed from submission to assignment at a steady rate (and a quarter of them again in a burst). */
  reports: number;
  /** Client organisations invoiced in one invoice run. */
  invoiceOrganisations: number;
  /** Client organisations of the reporting agency (drafts and publications of all of them). */
  reportingOrganisations: number;
  /** Events in reporting's store: the organisations' facts journals together (the history a reproduction may scan). */
  reportingEvents: number;
}

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

export function readConfig(): BenchConfig {
  const poolSize = intFromEnv('BENCH_POOL', 16);
  return {
    events: intFromEnv('BENCH_EVENTS', 100_000),
    runs: intFromEnv('BENCH_RUNS', 3),
    poolSize,
    concurrency: 16,
    streamLength: 10,
    batchSize: 100,
    pageSize: 1000,
    eventBytes: 300,
    a1Fraction: 0.1,
    a16Fraction: 0.5,
    decisions: intFromEnv('BENCH_DECISIONS', 10_000),
    reports: intFromEnv('BENCH_REPORTS', 200),
    invoiceOrganisations: intFromEnv('BENCH_INVOICE_ORGANISATIONS', 10_000),
    reportingOrganisations: intFromEnv('BENCH_REPORTING_ORGANISATIONS', 5_000),
    reportingEvents: intFromEnv('BENCH_REPORTING_EVENTS', 1_000_000),
  };
}

/** Rounds down to a whole number of streams (at least one). */
export function eventsFor(config: BenchConfig, fraction: number, perStream: number): number {
  return Math.max(1, Math.floor((config.events * fraction) / perStream)) * perStream;
}
