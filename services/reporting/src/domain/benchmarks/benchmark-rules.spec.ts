import { DEFAULT_BENCHMARK_RULES, protectPartition, ruleBroken, type Contribution } from './benchmark-rules';

const rules = DEFAULT_BENCHMARK_RULES; // k 5, 3 organisations, 60 %
const cell = (...cases: number[]): Contribution[] => cases.map((n, i) => ({ organisationId: `org-${i}`, cases: n }));

describe('a benchmark cell', () => {
  it('needs k cases: k − 1 is suppressed as such; k passes that rule (the rest rule below then asks for more)', () => {
    expect(ruleBroken(cell(1, 1, 1, 1), rules)).toBe('fewer-than-k-cases');
    expect(ruleBroken(cell(0, 0, 0), rules)).toBe('fewer-than-k-cases');
    expect(ruleBroken(cell(1, 1, 1, 1, 1), rules)).not.toBe('fewer-than-k-cases');
    expect(ruleBroken(cell(1, 1, 1, 1, 1), { ...rules, k: 4 })).toBeUndefined();
    expect(ruleBroken(cell(2, 2, 2, 2), { ...rules, k: 9 })).toBe('fewer-than-k-cases');
    expect(ruleBroken(cell(2, 2, 2, 2), { ...rules, k: 6 })).toBeUndefined();
  });

  it('needs the minimum number of organisations with a case: one fewer is suppressed; an organisation without cases does not count', () => {
    expect(ruleBroken(cell(5, 5), rules)).toBe('too-few-organisations');
    expect(ruleBroken(cell(5, 5, 0, 0), rules)).toBe('too-few-organisations');
    expect(ruleBroken(cell(5, 5, 5), rules)).toBeUndefined();
    expect(ruleBroken(cell(5, 5, 5), { ...rules, minOrganisations: 4 })).toBe('too-few-organisations');
    expect(ruleBroken(cell(5, 5, 5, 5), { ...rules, minOrganisations: 4 })).toBeUndefined();
  });

  it('lets no organisation dominate: a share of exactly the limit passes, one case more does not', () => {
    expect(ruleBroken(cell(9, 3, 3), rules)).toBeUndefined(); // 60 %
    expect(ruleBroken(cell(10, 3, 3), rules)).toBe('one-organisation-dominates'); // 62.5 %
    expect(ruleBroken(cell(12, 4, 4), rules)).toBeUndefined(); // 60 %
    expect(ruleBroken(cell(13, 4, 4), rules)).toBe('one-organisation-dominates');
    expect(ruleBroken(cell(9, 3, 3), { ...rules, maxSharePercent: 59 })).toBe('one-organisation-dominates');
  });

  it('leaves at least k cases when any one organisation is taken out: k passes, k − 1 does not', () => {
    expect(ruleBroken(cell(4, 2, 2, 1), rules)).toBeUndefined(); // the rest is 5
    expect(ruleBroken(cell(4, 2, 1, 1), rules)).toBe('one-organisation-dominates'); // the rest is 4, at 50 %
    expect(ruleBroken(cell(6, 2, 2), rules)).toBe('one-organisation-dominates'); // 60 %, but the rest is 4
  });
});
describe('the cells of a shown margin', () => {
  const part = (key: string, ...cases: number[]) => ({
    key,
    contributions: cases.map((n, i) => ({ organisationId: `${key}-${i}`, cases: n })),
  });

  it('suppress the next smallest cell when the suppressed ones together would be given away by subtraction', () => {
    const verdicts = protectPartition([part('C', 5, 5, 5), part('G', 4, 4, 4), part('Q', 3)], true, rules);
    expect(verdicts).toEqual([
      { key: 'C', shown: true, reason: null },
      { key: 'G', shown: false, reason: 'complementary' },
      { key: 'Q', shown: false, reason: 'fewer-than-k-cases' },
    ]);
  });

  it('suppress a cell of no cases too: "none in the other sectors" is a count', () => {
    const verdicts = protectPartition([part('C', 5, 5, 5), part('G', 5, 5, 5), part('Q', 0, 0)], true, rules);
    expect(verdicts.map((v) => v.shown)).toEqual([false, true, false]);
  });

  it('stand on their own rules when the margin is not shown, and keep a shown union as it is', () => {
    expect(protectPartition([part('C', 5, 5, 5), part('Q', 3)], false, rules).map((v) => v.shown)).toEqual([true, false]);
    expect(protectPartition([part('C', 5, 5, 5), part('G', 2, 2), part('Q', 2, 2)], true, rules).map((v) => v.shown)).toEqual([
      true,
      false,
      false,
    ]);
  });
});
