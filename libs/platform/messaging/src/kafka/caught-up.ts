import { FetchIsolationLevels, ListOffsetTimestamps, type Admin } from '@platformatic/kafka';

/** A position in a partition: for a target, the next offset to be written; for a group, the next to read. */
export interface PartitionPosition {
  topic: string;
  partition: number;
  offset: bigint;
}

const keyOf = (p: { topic: string; partition: number }) => `${p.topic}\u0000${p.partition}`;

/**
 * The targets a group has not reached: partitions whose committed offset is below the target. A partition
 * the group never committed counts as -1, so any target above the start of its log is pending.
 */
export function lagging(targets: readonly PartitionPosition[], committed: readonly PartitionPosition[]): PartitionPosition[] {
  const positions = new Map(committed.map((c) => [keyOf(c), c.offset]));
  return targets.filter((t) => (positions.get(keyOf(t)) ?? -1n) < t.offset);
}

/**
 * What "caught up" means for a group on these topics, as of now: the high watermark of every partition that
 * still holds records (a partition whose log is empty, or emptied by retention, has nothing to handle). With
 * read_committed, as the consumer reads, so an open transaction of another producer cannot hold it back.
 */
export async function catchUpTargets(admin: Admin, topics: readonly string[]): Promise<PartitionPosition[]> {
  const metadata = await admin.metadata({ topics: [...topics] });
  const request = (timestamp: bigint) =>
    admin.listOffsets({
      isolationLevel: FetchIsolationLevels.READ_COMMITTED,
      topics: topics.map((name) => ({
        name,
        partitions: Array.from({ length: metadata.topics.get(name)?.partitionsCount ?? 0 }, (_, partitionIndex) => ({
          partitionIndex,
          timestamp,
        })),
      })),
    });
  const [latest, earliest] = await Promise.all([request(ListOffsetTimestamps.LATEST), request(ListOffsetTimestamps.EARLIEST)]);
  const starts = new Map(
    earliest.flatMap((t) => t.partitions.map((p) => [keyOf({ topic: t.name, partition: p.partitionIndex }), p.offset] as const)),
  );
  return latest.flatMap((t) =>
    t.partitions
      .map((p) => ({ topic: t.name, partition: p.partitionIndex, offset: p.offset }))
      .filter((p) => p.offset > (starts.get(keyOf(p)) ?? 0n)),
  );
}

/** The group's committed offsets for the partitions of the targets. */
export async function committedPositions(admin: Admin, group: string, targets: readonly PartitionPosition[]): Promise<PartitionPosition[]> {
  if (targets.length === 0) return [];
  const byTopic = new Map<string, number[]>();
  for (const t of targets) byTopic.set(t.topic, [...(byTopic.get(t.topic) ?? []), t.partition]);
  const groups = await admin.listConsumerGroupOffsets({
    groups: [{ groupId: group, topics: [...byTopic].map(([name, partitionIndexes]) => ({ name, partitionIndexes })) }],
  });
  return groups
    .filter((g) => g.groupId === group)
    .flatMap((g) =>
      g.topics.flatMap((t) => t.partitions.map((p) => ({ topic: t.name, partition: p.partitionIndex, offset: p.committedOffset }))),
    );
}
