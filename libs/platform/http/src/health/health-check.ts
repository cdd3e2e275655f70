import type { Pool } from 'pg';

/**
 * One dependency readiness depends on; `check` rejects when it is unreachable. `/health/ready` runs each as a
 * terminus health indicator, bounded by the app's `healthCheckTimeoutMs`.
 */
export interface HealthCheck {
  /** Shown in the readiness answer: a role (`database`, `bus`), never a host or connection string. */
  name: string;
  check(): Promise<void>;
}

/** Runs `select 1` on the pool; the readiness probe bounds it with its own timeout. */
export function postgresCheck(pool: Pick<Pool, 'query'>, name = 'database'): HealthCheck {
  return {
    name,
    check: async () => {
      await pool.query('select 1');
    },
  };
}
