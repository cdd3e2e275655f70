import { THEMES } from '@vertrouwd/contracts';
import {
  protectPartition,
  ruleBroken,
  type BenchmarkRules,
  type Contribution,
  type PartitionCell,
  type SuppressionReason,
} from '../../domain/benchmarks/benchmark-rules';
import { sbiSection, type SbiSection } from '../../domain/benchmarks/sbi-sections';
import type { OrganisationYear } from '../ports/reporting-reads.port';
import { per100 } from '../reports/report-content';

/** One shown or suppressed benchmark figure: reports per 100 employees, or null with the reason. */
export interface BenchmarkCell {
  reportsPer100: string | null;
  suppressed: SuppressionReason | null;
}

export interface AgencyBenchmarks {
  agencyId: string;
  year: number;
  rules: BenchmarkRules;
  agency: BenchmarkCell;
  /** Every SBI section the agency has organisations in, A to U. */
  sectors: ({ sector: SbiSection } & BenchmarkCell)[];
  /** Reports on each theme per 100 employees across the agency. */
  themes: ({ theme: (typeof THEMES)[number] } & BenchmarkCell)[];
}

/** What the rules need of each cell, and what the attacker test needs: the organisations' counts per cell. */
export interface BenchmarkCellDefinition {
  key: string;
  contributions: Contribution[];
  headcount: number;
  verdict: { shown: boolean; reason: SuppressionReason | null };
}

const UNKNOWN_SECTOR = 'sector:?';

/**
 * The benchmarks of an agency in a year from its organisations' counts: the agency as a whole, each sector (SBI
 * section) and each theme, per 100 employees, each cell shown only if it passes the rules and no suppressed cell can
 * be derived from the agency's figure minus the shown ones (organisations of no known sector are such a part, never
 * shown). `definitions` are the cells as sums of organisations' counts (for the attacker test, never served).
 */
export function agencyBenchmarks(
  agencyId: string,
  year: number,
  organisations: readonly OrganisationYear[],
  rules: BenchmarkRules,
): { benchmarks: AgencyBenchmarks; definitions: BenchmarkCellDefinition[] } {
  const all: Contribution[] = organisations.map((o) => ({ organisationId: o.organisationId, cases: o.cases }));
  const agencyBroken = organisations.length === 0 ? 'fewer-than-k-cases' : ruleBroken(all, rules);
  const agencyShown = agencyBroken === undefined;
  const headcount = (orgs: readonly OrganisationYear[]) => orgs.reduce((sum, o) => sum + o.headcount, 0);

  const bySector = new Map<string, OrganisationYear[]>();
  for (const o of organisations) {
    const key = sbiSection(o.sbiCode) ?? UNKNOWN_SECTOR;
    bySector.set(key, [...(bySector.get(key) ?? []), o]);
  }
  const sectorKeys = [...bySector.keys()].sort();
  const sectorParts: PartitionCell[] = sectorKeys.map((key) => ({
    key,
    contributions: bySector.get(key)!.map((o) => ({ organisationId: o.organisationId, cases: o.cases })),
    publishable: key !== UNKNOWN_SECTOR,
  }));
  const sectorVerdicts = protectPartition(sectorParts, agencyShown, rules);

  // Themes: every case of a known theme; cases without a known theme (journaled before themes were kept) form a
  // part of their own that is never shown, so the agency minus the shown themes cannot single them out either.
  const themeParts: PartitionCell[] = THEMES.map((theme) => ({
    key: theme,
    contributions: organisations.map((o) => ({ organisationId: o.organisationId, cases: o.byTheme[theme] ?? 0 })),
  }));
  const unthemed = organisations.map((o) => ({
    organisationId: o.organisationId,
    cases: o.cases - THEMES.reduce((sum, t) => sum + (o.byTheme[t] ?? 0), 0),
  }));
  if (unthemed.some((c) => c.cases > 0)) themeParts.push({ key: 'theme:?', contributions: unthemed, publishable: false });
  const themeVerdicts = protectPartition(themeParts, agencyShown, rules);

  const total = headcount(organisations);
  const cell = (cases: number, people: number, shown: boolean, reason: SuppressionReason | null): BenchmarkCell =>
    shown ? { reportsPer100: per100(cases, people), suppressed: null } : { reportsPer100: null, suppressed: reason };
  const sum = (cs: readonly Contribution[]) => cs.reduce((s, c) => s + c.cases, 0);

  const definitions: BenchmarkCellDefinition[] = [
    { key: 'agency', contributions: all, headcount: total, verdict: { shown: agencyShown, reason: agencyBroken ?? null } },
    ...sectorParts.map((part, i) => ({
      key: `sector:${part.key}`,
      contributions: [...part.contributions],
      headcount: headcount(bySector.get(part.key)!),
      verdict: sectorVerdicts[i],
    })),
    ...themeParts.map((part, i) => ({
      key: `theme:${part.key}`,
      contributions: [...part.contributions],
      headcount: total,
      verdict: themeVerdicts[i],
    })),
  ];
  const benchmarks: AgencyBenchmarks = {
    agencyId,
    year,
    rules,
    agency: cell(sum(all), total, agencyShown, agencyBroken ?? null),
    sectors: sectorParts
      .map((part, i) => ({ part, verdict: sectorVerdicts[i] }))
      .filter(({ part }) => part.key !== UNKNOWN_SECTOR)
      .map(({ part, verdict }) => ({
        sector: part.key as SbiSection,
        ...cell(sum(part.contributions), headcount(bySector.get(part.key)!), verdict.shown, verdict.reason),
      })),
    themes: THEMES.map((theme, i) => ({
      theme,
      ...cell(sum(themeParts[i].contributions), total, themeVerdicts[i].shown, themeVerdicts[i].reason),
    })),
  };
  return { benchmarks, definitions };
}
