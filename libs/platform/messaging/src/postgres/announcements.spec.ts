import { announces, partitionName, topicOfName } from './announcements';

const at = (topic: string, partition: number) => ({ topic, name: partitionName(topic, partition) });

describe("the bus's announcements", () => {
  it('name a partition as topic/partition', () => {
    expect(partitionName('case.opened.v1', 3)).toBe('case.opened.v1/3');
  });

  it('concern the partition they name, and no other partition of its topic', () => {
    const names = new Set(['case.opened.v1/3', 'intake.report-submitted.v1/0']);
    expect(announces(names, at('case.opened.v1', 3))).toBe(true);
    expect(announces(names, at('case.opened.v1', 4))).toBe(false);
    expect(announces(names, at('intake.report-submitted.v1', 0))).toBe(true);
    expect(announces(names, at('matching.counsellor-matched.v1', 3))).toBe(false);
  });

  it('concern every partition of a topic named alone (an earlier publisher), and everything when they name nothing', () => {
    expect(announces(new Set(['case.opened.v1']), at('case.opened.v1', 7))).toBe(true);
    expect(announces(new Set(['case.opened.v1']), at('case.closed.v1', 7))).toBe(false);
    expect(announces(undefined, at('case.closed.v1', 7))).toBe(true);
  });

  it("give a partition's topic back from its name", () => {
    expect(topicOfName(partitionName('case.opened.v1', 3))).toBe('case.opened.v1');
    expect(topicOfName('case.opened.v1')).toBe('case.opened.v1');
  });
});
