/**
 * What a publish tells consumers (in this process directly, in others through the `bus_published` NOTIFY): the
 * partitions it wrote to, each as `topic/partition`. A topic name never holds a `/` (the bus refuses one), so the
 * two cannot be confused.
 */
export function partitionName(topic: string, partition: number): string {
  return `${topic}/${partition}`;
}

/** The topic of a partition's name: what a NOTIFY names instead when the partitions would not fit in it. */
export function topicOfName(name: string): string {
  const slash = name.lastIndexOf('/');
  return slash < 0 ? name : name.slice(0, slash);
}

/**
 * Whether an announcement concerns a partition (`name` from `partitionName`): it names that partition, or its topic
 * alone (a publisher of a version before partitions were named, during a rolling update), or nothing at all
 * (anything may have changed).
 */
export function announces(names: ReadonlySet<string> | undefined, partition: { topic: string; name: string }): boolean {
  return names === undefined || names.has(partition.name) || names.has(partition.topic);
}
