/** The time source of the jobs: injectable, so tests move time instead of waiting for it. */
export const CLOCK = Symbol('CLOCK');
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

/** How often the jobs look (they are idempotent, so often enough to be timely is all it needs). */
export const JOB_INTERVAL_MS = 60_000;
