import fc from 'fast-check';
import { attack, type KnownBound, type PublishedFigure } from '@vertrouwd/disclosure';
import { DEFAULT_BENCHMARK_RULES, ruleBroken } from '../../domain/benchmarks/benchmark-rules';
import type { OrganisationYear } from '../ports/reporting-reads.port';
import { agencyBenchmarks } from './benchmarks';

// The attacker of ADR 0035: an employer contact who knows their own organisation's cases exactly (theme by theme),
// every organisation's headcount and sector, and every benchmark cell the agency shows (so, the headcounts being
// known, each shown cell's exact number of cases). It solves, over non-negative integers, for the range of every
// other organisation's cases (in total and per theme) and fails when any range is narrower than k. Each organisation
// of each random agency takes the attacker's seat in turn.
//
// The rules are public (every response names them), so the attacker also knows what they imply: in a shown cell of
// C cases no organisation has more than maxSharePercent of C, nor more than C − k; and when the agency is shown with
// some of its sectors or themes hidden, the hidden ones together passed the same rules. Those caps are upper bounds
// on each organisation's count in the cell, linear once C is known: the attacker solves with them as constraints.

jest.setTimeout(240_000);

const THEMES_USED = ['bullying', 'intimidation', 'corruption'] as const;
const SBI_CODES = ['1071', '4711', '8610', '4120', '0400']; // C, G, Q, F, and a division without a section

const organisation = fc.record({
  sbiCode: fc.constantFrom(...SBI_CODES),
  headcount: fc.integer({ min: 10, max: 400 }),
  cases: fc.tuple(...THEMES_USED.map(() => fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 12 })))),
});
const agency = fc.array(organisation, { minLength: 1, maxLength: 9 }).map((orgs) =>
  orgs.map((o, i): OrganisationYear => ({
    organisationId: `org-${i}`,
    headcount: o.headcount,
    sbiCode: o.sbiCode,
    cases: o.cases.reduce((sum, n) => sum + n, 0),
    byTheme: Object.fromEntries(THEMES_USED.map((theme, t) => [theme, o.cases[t]])),
  })),
);
const finest = (organisationId: string, theme: string) => `${organisationId}|${theme}`;

/**
 * What the rules tell every reader beyond the figures: in each shown cell of C cases, and in the union of the hidden
 * parts of a shown margin (the agency minus its shown sectors, or themes), no organisation has more than
 * maxSharePercent of the cases nor more than all but k of them.
 */
function knownCaps(definitions: ReturnType<typeof agencyBenchmarks>['definitions'], themes: readonly string[], k: number): KnownBound[] {
  const { maxSharePercent } = DEFAULT_BENCHMARK_RULES;
  const cap = (cases: number) => Math.min(Math.floor((maxSharePercent * cases) / 100), cases - k);
  const cellsOf = (organisationId: string, key: string) => {
    const theme = key.startsWith('theme:') ? key.slice('theme:'.length) : undefined;
    return (theme ? [theme] : themes).filter((t) => themes.includes(t)).map((t) => finest(organisationId, t));
  };
  const bounds: KnownBound[] = [];
  const sum = (d: (typeof definitions)[number]) => d.contributions.reduce((s, c) => s + c.cases, 0);
  for (const d of definitions.filter((x) => x.verdict.shown)) {
    for (const c of d.contributions) {
      const cells = cellsOf(c.organisationId, d.key);
      if (cells.length > 0) bounds.push({ cells, atMost: cap(sum(d)) });
    }
  }
  const agency = definitions.find((d) => d.key === 'agency')!;
  if (agency.verdict.shown) {
    for (const prefix of ['sector:', 'theme:']) {
      const hidden = definitions.filter((d) => d.key.startsWith(prefix) && !d.verdict.shown);
      if (hidden.length === 0) continue;
      const union = hidden.reduce((s, d) => s + sum(d), 0);
      for (const o of agency.contributions) {
        const cells = hidden.flatMap((d) =>
          d.contributions.some((c) => c.organisationId === o.organisationId) ? cellsOf(o.organisationId, d.key) : [],
        );
        if (cells.length > 0) bounds.push({ cells, atMost: cap(union) });
      }
    }
  }
  return bounds;
}

describe('benchmarks against an attacker who subtracts their own organisation', () => {
  it('never narrow another organisation’s cases, in total or by theme, to a range of fewer than k values', async () => {
    const k = DEFAULT_BENCHMARK_RULES.k;
    await fc.assert(
      fc.asyncProperty(agency, async (organisations) => {
        const { definitions } = agencyBenchmarks('agency', 2025, organisations, DEFAULT_BENCHMARK_RULES);
        const cellsOf = (contributions: { organisationId: string }[], theme?: string) =>
          contributions.flatMap((c) =>
            (theme ? [theme] : THEMES_USED).map((t) => finest(c.organisationId, t)).filter((id) => !theme || id.endsWith(`|${theme}`)),
          );
        const benchmarkFigures: PublishedFigure[] = definitions
          .filter((d) => d.key !== 'theme:theme:?')
          .filter((d) => !d.key.startsWith('theme:') || THEMES_USED.includes(d.key.slice('theme:'.length) as never))
          .map((d) => {
            const theme = d.key.startsWith('theme:') ? d.key.slice('theme:'.length) : undefined;
            return {
              key: d.key,
              cells: cellsOf(d.contributions, theme),
              value: d.verdict.shown ? d.contributions.reduce((sum, c) => sum + c.cases, 0) : null,
            };
          });
        // Every shown cell passes the rules on its own (the rules are what the argument rests on).
        for (const d of definitions.filter((x) => x.verdict.shown))
          expect(ruleBroken(d.contributions, DEFAULT_BENCHMARK_RULES)).toBeUndefined();
        const caps = knownCaps(definitions, THEMES_USED, k);
        for (const attacker of organisations) {
          const own: PublishedFigure[] = THEMES_USED.map((theme) => ({
            key: `own|${theme}`,
            cells: [finest(attacker.organisationId, theme)],
            value: attacker.byTheme[theme] ?? 0,
          }));
          const others = organisations.filter((o) => o.organisationId !== attacker.organisationId);
          const targets: PublishedFigure[] = others.flatMap((o) => [
            { key: `total|${o.organisationId}`, cells: THEMES_USED.map((t) => finest(o.organisationId, t)), value: null },
            ...THEMES_USED.map((t) => ({ key: `${t}|${o.organisationId}`, cells: [finest(o.organisationId, t)], value: null })),
          ]);
          const report = await attack([...benchmarkFigures, ...own, ...targets], { k, bounds: caps });
          const learned = report.disclosures.filter((d) => d.keys.some((key) => key.startsWith('total|') || /\|org-/.test(key)));
          expect(learned.filter((d) => !d.keys.some((key) => key.startsWith('own|')))).toEqual([]);
        }
      }),
      { numRuns: 60, seed: 35 },
    );
  });
});
