import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Pool } from 'pg';
import { applyMigrations } from '@vertrouwd/event-sourcing';
import { createTestDatabase, type TestDatabase } from '@vertrouwd/testing';
import { inboxMigrations } from '../inbox';
import type { MessageBus } from '../message-bus.port';

const CHILD = join(__dirname, '..', 'fixtures', 'kill-consumer.child.ts');
const ROOT = join(__dirname, '../../../../..');

function startConsumer(env: NodeJS.ProcessEnv, args: string[]): ChildProcess {
  return spawn(process.execPath, ['-r', '@swc-node/register', CHILD, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.runtime.json') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

function saysHanging(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('hanging') && resolve());
    child.once('exit', (code) => reject(new Error(`consumer exited (${code}) before hanging`)));
  });
}

/**
 * Kills a consumer mid-batch with SIGKILL, again and again: nothing is lost, nothing applied twice,
 * and every key keeps its order. `busEnv` is what a child process needs to reach the same bus.
 */
export function describeConsumerKill(
  adapterName: string,
  setup: () => Promise<{ bus: MessageBus; busEnv: NodeJS.ProcessEnv; cleanup(): Promise<void> }>,
): void {
  describe(`a ${adapterName} consumer killed mid-batch`, () => {
    let db: TestDatabase;
    let pool: Pool;
    let ctx: Awaited<ReturnType<typeof setup>>;
    const total = 150;

    beforeAll(async () => {
      ctx = await setup();
      db = await createTestDatabase('kill_consumer');
      pool = new Pool({ connectionString: db.url, max: 2 });
      await applyMigrations(pool, { historyTable: 'inbox_schema_migrations', lockId: 3, migrations: inboxMigrations });
      await pool.query('create table applied (seq bigserial primary key, key text, n int, pid int)');
    });
    afterAll(async () => {
      await pool.end();
      await db.drop();
      await ctx.cleanup();
    });

    it('loses nothing and applies nothing twice, in order per key, after five SIGKILLs', async () => {
      const suffix = randomBytes(4).toString('hex');
      const [topic, group] = [`contract.kill-${suffix}.v1`, `g-kill-${suffix}`];
      const keys = ['k1', 'k2', 'k3', 'k4', 'k5'];
      for (let n = 0; n < total / keys.length; n += 1) {
        await ctx.bus.publish(keys.map((key) => ({ topic, key, value: JSON.stringify({ key, n }) })));
      }
      for (const hangAt of [20, 45, 70, 95, 120]) {
        const child = startConsumer(ctx.busEnv, [db.url, topic, group, String(total), String(hangAt)]);
        const exited = new Promise((resolve) => child.once('exit', resolve));
        await saysHanging(child);
        child.kill('SIGKILL');
        await exited;
      }
      const last = startConsumer(ctx.busEnv, [db.url, topic, group, String(total)]);
      expect(await new Promise((resolve) => last.once('exit', resolve))).toBe(0);

      const { rows } = await pool.query<{ key: string; n: number; pid: number }>('select key, n, pid from applied order by seq');
      expect(rows).toHaveLength(total);
      for (const key of keys) {
        expect(rows.filter((r) => r.key === key).map((r) => r.n)).toEqual([...Array(total / keys.length).keys()]);
      }
      expect(new Set(rows.map((r) => r.pid)).size).toBeGreaterThanOrEqual(4);
    });
  });
}
