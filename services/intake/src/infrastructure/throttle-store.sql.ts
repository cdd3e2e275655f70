import { Injectable } from '@nestjs/common';
import { ReadModels } from '@vertrouwd/service-kit';
import { TurnBatch, type StoreTransaction } from '@vertrouwd/event-sourcing';
import type { EntityManager } from 'typeorm';
import { backOffMs, intervalMs, type BackOffPolicy, type ThrottleLimit } from '../domain/throttle/back-off';
import type { Granted, Refused, ThrottleStore } from '../application/ports/throttle-store.port';

// Times travel as epoch milliseconds (double precision) and the database's clock is the only clock: replicas
// whose clocks differ still share one limit.
const MS = "interval '1 millisecond'";
const NOW_MS = '(extract(epoch from clock_timestamp()) * 1000)::float8';
const at = (parameter: string) => `to_timestamp(${parameter}::float8 / 1000)`;

/**
 * `intake_throttle`: a rate is a generic cell rate (`at` is the theoretical arrival time: a claim is granted while
 * it is no later than now + window − interval); a receipt row counts its failures (`at` = the last); a (receipt,
 * client) row holds the time its next attempt may come (`at`).
 */
@Injectable()
export class SqlThrottleStore implements ThrottleStore {
  /** Per transaction and limit, the claims made in one turn (the reports sharing it, ADR 0069): one statement (ADR 0073). */
  private readonly rateBatches = new WeakMap<StoreTransaction, Map<string, TurnBatch<string, RateRow>>>();

  constructor(private readonly readModels: ReadModels) {}

  async takeRate(key: string, limit: ThrottleLimit, tx?: StoreTransaction): Promise<Granted | Refused> {
    const row = tx
      ? await this.rateBatch(tx, limit).add(key)
      : (await this.readModels.dataSource.query<RateRow[]>(takeRateSql, [key, intervalMs(limit), limit.windowMs]))[0];
    return this.claim(row, () => this.giveBack(this.readModels.dataSource.manager, key, limit));
  }

  takeAttempt(keys: { receipt: string; pair: string; client: string }, backOff: BackOffPolicy, clientLimit: ThrottleLimit) {
    return this.readModels.dataSource.transaction(async (tx): Promise<Granted | Refused> => {
      // The receipt's row is locked first: every attempt on one receipt, at any replica, passes here one at a time.
      const [{ failures, nowMs }]: { failures: number; nowMs: number }[] = await tx.query(
        `insert into intake_throttle as t (key, failures, at, expires_at) values ($1, 0, clock_timestamp(), clock_timestamp())
         on conflict (key) do update set failures = case when t.expires_at <= clock_timestamp() then 0 else t.failures end
         returning failures, ${NOW_MS} as "nowMs"`,
        [keys.receipt],
      );
      const [pair]: { atMs: number }[] = await tx.query(
        `select (extract(epoch from at) * 1000)::float8 as "atMs" from intake_throttle where key = $1`,
        [keys.pair],
      );
      if (pair && pair.atMs > nowMs) return { granted: false, waitMs: pair.atMs - nowMs };
      const [client]: { granted: boolean; waitMs: number }[] = await tx.query(takeRateSql, [
        keys.client,
        intervalMs(clientLimit),
        clientLimit.windowMs,
      ]);
      if (!client.granted) return { granted: false, waitMs: client.waitMs };
      const nextMs = nowMs + backOffMs(failures + 1, backOff);
      await tx.query(`update intake_throttle set failures = failures + 1, at = ${at('$2')}, expires_at = ${at('$3')} where key = $1`, [
        keys.receipt,
        nowMs,
        nowMs + backOff.forgetAfterMs,
      ]);
      await tx.query(
        `insert into intake_throttle (key, at, expires_at) values ($1, ${at('$2')}, ${at('$2')})
         on conflict (key) do update set at = excluded.at, expires_at = excluded.expires_at`,
        [keys.pair, nextMs],
      );
      return {
        granted: true,
        // A match: not a failure. The receipt's count and the client's rate get it back; the pair may come again.
        release: () =>
          this.readModels.dataSource.transaction(async (undo) => {
            await undo.query('update intake_throttle set failures = greatest(failures - 1, 0) where key = $1', [keys.receipt]);
            await undo.query('update intake_throttle set at = clock_timestamp() where key = $1', [keys.pair]);
            await this.giveBack(undo, keys.client, clientLimit);
          }),
      };
    });
  }

  async sweep(): Promise<number> {
    const [, deleted]: [unknown, number] = await this.readModels.dataSource.query(
      'delete from intake_throttle where expires_at < clock_timestamp()',
    );
    return deleted;
  }

  private rateBatch(tx: StoreTransaction, limit: ThrottleLimit): TurnBatch<string, RateRow> {
    const interval = intervalMs(limit);
    const id = `${interval}/${limit.windowMs}`;
    let byLimit = this.rateBatches.get(tx);
    if (!byLimit) this.rateBatches.set(tx, (byLimit = new Map<string, TurnBatch<string, RateRow>>()));
    let batch = byLimit.get(id);
    if (!batch) byLimit.set(id, (batch = new TurnBatch((keys) => takeRates(tx, keys, interval, limit.windowMs))));
    return batch;
  }

  private claim(row: { granted: boolean; waitMs: number }, release: () => Promise<void>): Granted | Refused {
    return row.granted ? { granted: true, release } : { granted: false, waitMs: row.waitMs };
  }

  private async giveBack(db: EntityManager, key: string, limit: ThrottleLimit): Promise<void> {
    await db.query(`update intake_throttle set at = at - $2::float8 * ${MS}, expires_at = at - $2::float8 * ${MS} where key = $1`, [
      key,
      intervalMs(limit),
    ]);
  }
}

type RateRow = { granted: boolean; waitMs: number };

/**
 * Claims on many keys in a transaction, each answered on its own, in as few statements as the keys allow: a statement
 * claims a row once, so a key claimed twice in one turn goes again in the next statement. The rows are claimed in the
 * callers' order (the reports' clients' order, ADR 0069: every process locks them in one order). Prepared once per
 * connection: planning the claim cost more than running it.
 */
async function takeRates(tx: StoreTransaction, keys: string[], interval: number, window: number): Promise<RateRow[]> {
  const answers: RateRow[] = [];
  let left = keys.map((key, i) => ({ key, i }));
  while (left.length > 0) {
    const seen = new Set<string>();
    const now: typeof left = [];
    const later: typeof left = [];
    for (const claim of left) {
      (seen.has(claim.key) ? later : now).push(claim);
      seen.add(claim.key);
    }
    if (now.length === 1) {
      answers[now[0].i] = (await tx.query<RateRow>(takeRateSql, [now[0].key, interval, window], 'intake_take_rate')).rows[0];
    } else {
      const { rows } = await tx.query<RateRow & { i: number }>(
        takeRatesSql,
        [now.map((claim) => claim.key), interval, window],
        'intake_take_rates',
      );
      for (const row of rows) answers[now[row.i - 1].i] = { granted: row.granted, waitMs: row.waitMs };
    }
    left = later;
  }
  return answers;
}

// One statement, atomic under concurrency: the conflict's update waits for a concurrent claim on the key and then
// checks again. Granted: the row moved on by one interval. Refused: untouched, and how long until it would pass.
// ($1 key, $2 interval ms, $3 window ms.)
const takeRateSql = `
  with clock as (select clock_timestamp() as now),
  claim as (
    insert into intake_throttle as t (key, at, expires_at)
      select $1, clock.now + $2::float8 * ${MS}, clock.now + $2::float8 * ${MS} from clock
    on conflict (key) do update
      set at = greatest(t.at, (select now from clock)) + $2::float8 * ${MS}, expires_at = greatest(t.at, (select now from clock)) + $2::float8 * ${MS}
      where greatest(t.at, (select now from clock)) + $2::float8 * ${MS} <= (select now from clock) + $3::float8 * ${MS}
    returning 1)
  select exists (select 1 from claim) as granted,
    coalesce(extract(epoch from (select at from intake_throttle where key = $1) - (select now from clock)) * 1000 - ($3::float8 - $2::float8), $2::float8)::float8
      as "waitMs"`;

// takeRateSql for many keys at once, each key once ($1 keys, in the order their rows are claimed; $2, $3 as above).
const takeRatesSql = `
  with clock as (select clock_timestamp() as now),
  input as (select k.key, k.i::int as i from unnest($1::text[]) with ordinality as k(key, i)),
  claim as (
    insert into intake_throttle as t (key, at, expires_at)
      select input.key, clock.now + $2::float8 * ${MS}, clock.now + $2::float8 * ${MS} from input, clock order by input.i
    on conflict (key) do update
      set at = greatest(t.at, (select now from clock)) + $2::float8 * ${MS}, expires_at = greatest(t.at, (select now from clock)) + $2::float8 * ${MS}
      where greatest(t.at, (select now from clock)) + $2::float8 * ${MS} <= (select now from clock) + $3::float8 * ${MS}
    returning t.key)
  select input.i, exists (select 1 from claim where claim.key = input.key) as granted,
    coalesce(extract(epoch from (select at from intake_throttle x where x.key = input.key) - (select now from clock)) * 1000 - ($3::float8 - $2::float8), $2::float8)::float8
      as "waitMs"
  from input order by input.i`;
