import { PartitionOffsets } from './partition-offsets';

describe('PartitionOffsets: what is safe to commit', () => {
  it('commits one past each message done in order (Kafka commits the next offset to read)', () => {
    const offsets = new PartitionOffsets();
    [10n, 11n, 12n].forEach((o) => expect(offsets.accept(o)).toBe(true));
    expect(offsets.done(10n)).toBe(11n);
    expect(offsets.done(11n)).toBe(12n);
    expect(offsets.done(12n)).toBe(13n);
    expect(offsets.pending).toBe(0);
  });

  it('never commits past a message that is not done, whatever order the work completes in', () => {
    const offsets = new PartitionOffsets();
    [0n, 1n, 2n, 3n].forEach((o) => offsets.accept(o));
    expect(offsets.done(2n)).toBeUndefined();
    expect(offsets.done(1n)).toBeUndefined();
    expect(offsets.done(3n)).toBeUndefined();
    expect(offsets.pending).toBe(1);
    // The first one finishes last: everything is done now.
    expect(offsets.done(0n)).toBe(4n);
  });

  it('moves the commit up to the first offset still outstanding', () => {
    const offsets = new PartitionOffsets();
    [5n, 6n, 7n, 8n].forEach((o) => offsets.accept(o));
    expect(offsets.done(6n)).toBeUndefined();
    expect(offsets.done(5n)).toBe(7n);
    expect(offsets.done(8n)).toBeUndefined();
    expect(offsets.done(7n)).toBe(9n);
  });

  it('skips over offsets that never arrive (compaction, transaction markers)', () => {
    const offsets = new PartitionOffsets();
    offsets.accept(3n);
    offsets.accept(9n);
    expect(offsets.done(3n)).toBe(9n);
    expect(offsets.done(9n)).toBe(10n);
  });

  it('refuses a redelivery of what it already holds or handled (the client fetches again after a rebalance)', () => {
    const offsets = new PartitionOffsets();
    offsets.accept(4n);
    offsets.accept(5n);
    offsets.done(4n);
    expect(offsets.accept(4n)).toBe(false);
    expect(offsets.accept(5n)).toBe(false);
    expect(offsets.accept(6n)).toBe(true);
    expect(offsets.pending).toBe(2);
  });

  it('starts wherever the partition is handed over, not at zero', () => {
    const offsets = new PartitionOffsets();
    expect(offsets.accept(1_000_000_000_000n)).toBe(true);
    expect(offsets.done(1_000_000_000_000n)).toBe(1_000_000_000_001n);
  });

  it('rejects marking done an offset it never took on, or twice', () => {
    const offsets = new PartitionOffsets();
    offsets.accept(1n);
    expect(() => offsets.done(2n)).toThrow(RangeError);
    offsets.done(1n);
    expect(() => offsets.done(1n)).toThrow(RangeError);
  });
});
