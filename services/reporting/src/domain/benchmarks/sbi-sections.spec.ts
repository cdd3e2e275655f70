import { SBI_SECTIONS, sbiSection } from './sbi-sections';

describe('the SBI 2008 section of an organisation', () => {
  const pad = (division: number) => String(division).padStart(2, '0');

  it.each(SBI_SECTIONS.map((s) => [s.section, s.from, s.to] as const))(
    'section %s runs from division %i to %i, and not one division further either way',
    (section, from, to) => {
      expect(sbiSection(pad(from))).toBe(section);
      expect(sbiSection(`${pad(from)}111`)).toBe(section);
      expect(sbiSection(pad(to))).toBe(section);
      expect(sbiSection(`${pad(to)}99`)).toBe(section);
      expect(sbiSection(pad(from - 1))).not.toBe(section);
      expect(sbiSection(pad(to + 1))).not.toBe(section);
    },
  );

  it('has no section for divisions the SBI does not have', () => {
    for (const gap of ['00', '04', '05', '34', '40', '44', '48', '54', '57', '67', '76', '83', '89', '0', ''])
      expect(sbiSection(gap)).toBeUndefined();
  });

  it('covers every existing division once, in order A to U', () => {
    const covered = SBI_SECTIONS.flatMap((s) => Array.from({ length: s.to - s.from + 1 }, (_, i) => s.from + i));
    expect(covered).toEqual([...covered].sort((a, b) => a - b));
    expect(new Set(covered).size).toBe(covered.length);
    expect(covered).toHaveLength(87);
    expect(SBI_SECTIONS.map((s) => s.section).join('')).toBe('ABCDEFGHIJKLMNOPQRSTU');
  });

  it('reads the examples of the directory', () => {
    expect(sbiSection('1071')).toBe('C'); // bakeries
    expect(sbiSection('8610')).toBe('Q'); // hospitals
    expect(sbiSection('3011')).toBe('C'); // shipbuilding
    expect(sbiSection('4711')).toBe('G');
  });
});
