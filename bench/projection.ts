// A projection rebuild done the same way for every contender: read a page in global order through the
// contender, then apply it to a read model with the checkpoint in the same transaction.
import type { Client } from 'pg';
import type { Contender } from './contenders/contender';

const CHECKPOINT_ID = 'case-note-counts';

export async function createReadModel(client: Client): Promise<void> {
  await client.query(`
    create table bench_case_note_counts (stream_id text primary key, notes int not null);
    create table bench_checkpoints (id text primary key, position bigint not null);
    insert into bench_checkpoints values ('${CHECKPOINT_ID}', 0);`);
}

const APPLY = {
  name: 'bench_apply_page',
  text: `insert into bench_case_note_counts (stream_id, notes)
         select * from unnest($1::text[], $2::int[])
         on conflict (stream_id) do update set notes = bench_case_note_counts.notes + excluded.notes`,
};
const SAVE_CHECKPOINT = { name: 'bench_save_checkpoint', text: 'update bench_checkpoints set position = $2 where id = $1' };

/** Replays every event into the read model; returns how many it applied. */
export async function rebuildProjection(contender: Contender, client: Client, pageSize: number): Promise<number> {
  let after = 0n;
  let applied = 0;
  for (;;) {
    const page = await contender.readAllPage(after, pageSize);
    if (page.count === 0) break;
    const counts = new Map<string, number>();
    for (const streamId of page.streamIds) counts.set(streamId, (counts.get(streamId) ?? 0) + 1);
    await client.query('begin');
    await client.query({ ...APPLY, values: [[...counts.keys()], [...counts.values()]] });
    await client.query({ ...SAVE_CHECKPOINT, values: [CHECKPOINT_ID, page.lastPosition.toString()] });
    await client.query('commit');
    applied += page.count;
    after = page.lastPosition;
    if (page.count < pageSize) break;
  }
  return applied;
}
