import { lagging } from './caught-up';

const at = (topic: string, partition: number, offset: bigint) => ({ topic, partition, offset });

describe('lagging: the partitions a group has not caught up on', () => {
  it('is empty when every committed offset reached its high watermark', () => {
    expect(lagging([at('a.v1', 0, 3n), at('a.v1', 1, 5n)], [at('a.v1', 0, 3n), at('a.v1', 1, 7n)])).toEqual([]);
  });

  it('names a partition whose committed offset is below the high watermark', () => {
    expect(lagging([at('a.v1', 0, 3n), at('a.v1', 1, 5n)], [at('a.v1', 0, 3n), at('a.v1', 1, 4n)])).toEqual([at('a.v1', 1, 5n)]);
  });

  it('counts a partition the group never committed (-1 or absent) as behind', () => {
    expect(lagging([at('a.v1', 0, 1n), at('b.v1', 0, 1n)], [at('a.v1', 0, -1n)])).toEqual([at('a.v1', 0, 1n), at('b.v1', 0, 1n)]);
  });

  it('tells partitions of different topics apart', () => {
    expect(lagging([at('a.v1', 0, 2n)], [at('b.v1', 0, 9n)])).toEqual([at('a.v1', 0, 2n)]);
  });
});
