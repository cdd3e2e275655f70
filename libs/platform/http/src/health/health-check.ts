import type { Pool } from 'pg';

/** One dependency readiness depends on; `check` rejects when it is unreachable. */
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

/** Resolves with the names of the checks that failed or did not answer within `timeoutMs`. */
export async function failingChecks(checks: readonly HealthCheck[], timeoutMs: number): Promise<Array<{ name: string; error: unknown }>> {
  const results = await Promise.all(
    checks.map(async ({ name, check }) => {
      try {
        await withTimeout(check(), timeoutMs);
        return undefined;
      } catch (error) {
        return { name, error };
      }
    }),
  );
  return results.filter((result) => result !== undefined);
}

function withTimeout(work: Promise<void>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
