import { DEFAULT_BENCHMARK_RULES, narrowestUnderCaps, protectPartition, ruleBroken, type Contribution } from './benchmark-rules';

const rules = DEFAULT_BENCHMARK_RULES; // k 5, 3 organisations, 60 %
const cell = (...cases: number[]): Contribution[] => cases.map((n, i) => ({ organisationId: `org-${i}`, cases: n }));

describe('a benchmark cell', () => {
  it('needs k cases: k − 1 is suppressed as such; k passes that rule (the rules below then ask for more)', () => {
    expect(ruleBroken(cell(1, 1, 1, 1), rules)).toBe('fewer-than-k-cases');
    expect(ruleBroken(cell(0, 0, 0), rules)).toBe('fewer-than-k-cases');
    expect(ruleBroken(cell(1, 1, 1, 1, 1), rules)).not.toBe('fewer-than-k-cases');
    // Five organisations with one case each pass rules 1–3 at k = 4, but the caps (at most 5 − 4 = 1 each) pin them.
    expect(ruleBroken(cell(1, 1, 1, 1, 1), { ...rules, k: 4 })).toBe('too-little-room');
    expect(ruleBroken(cell(2, 2, 2, 2), { ...rules, k: 9 })).toBe('fewer-than-k-cases');
    expect(ruleBroken(cell(2, 2, 2, 2), { ...rules, k: 6 })).toBe('too-little-room');
    expect(ruleBroken(cell(4, 4, 4, 4), { ...rules, k: 6 })).toBeUndefined();
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
    expect(ruleBroken(cell(8, 4, 4, 2), rules)).toBeUndefined(); // the rest is 10
    expect(ruleBroken(cell(4, 2, 2, 1), rules)).toBe('too-little-room'); // the rest is 5, but see rule 4
    expect(ruleBroken(cell(4, 2, 1, 1), rules)).toBe('one-organisation-dominates'); // the rest is 4, at 50 %
    expect(ruleBroken(cell(6, 2, 2), rules)).toBe('one-organisation-dominates'); // 60 %, but the rest is 4
  });
});
describe('rule 4: room under the public caps', () => {
  it('blanks a cell whose caps and total pin another organisation within k, for a reader inside or outside it', () => {
    // 10 cases from three organisations, ours 1: each other has at most 5, so both have 4 or 5 (ADR 0035's example).
    expect(narrowestUnderCaps([1, 4, 5], 10, rules)).toBe(1);
    expect(ruleBroken(cell(1, 4, 5), rules)).toBe('too-little-room');
    // Six organisations, six cases: at most one each, so exactly one each.
    expect(narrowestUnderCaps([1, 1, 1, 1, 1, 1], 6, rules)).toBe(0);
    // Fewer than 2k cases never leave room: the cap is at most C − k < k.
    expect(ruleBroken(cell(3, 3, 3), rules)).toBe('too-little-room');
    expect(ruleBroken(cell(3, 3, 3, 0), rules)).toBe('too-little-room');
  });

  it('passes a cell where every reader still has k values open for every other organisation', () => {
    // 20 cases, (10, 5, 5): caps of 12; the reader with 5 knows the other two share 15: 3 to 12 each.
    expect(narrowestUnderCaps([10, 5, 5], 20, rules)).toBe(9);
    expect(ruleBroken(cell(10, 5, 5), rules)).toBeUndefined();
    // 15 cases from three organisations of 5: a reader with 5 knows the others share 10, each at most 9: 1 to 9.
    expect(narrowestUnderCaps([5, 5, 5], 15, rules)).toBe(8);
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
    expect(protectPartition([part('C', 5, 5, 5), part('G', 4, 4), part('Q', 4, 4)], true, rules).map((v) => v.shown)).toEqual([
      true,
      false,
      false,
    ]);
    // The hidden union of 8 cases over four organisations, each at most 3 by the caps: too little room, so the
    // shown sector goes too.
    expect(protectPartition([part('C', 5, 5, 5), part('G', 2, 2), part('Q', 2, 2)], true, rules).map((v) => v.shown)).toEqual([
      false,
      false,
      false,
    ]);
  });
});
