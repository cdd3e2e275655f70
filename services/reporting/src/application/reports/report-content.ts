import type { ProtectResult } from '@vertrouwd/disclosure';
import type { PublishedContent } from '../../domain/reports/organisation-reports.events';
import type { YearFigures } from './figures';

/** Prevention work that makes a counsellor visible (seed 004), suggested when reports are far below the agency's. */
const VISIBILITY_ACTIVITIES = ['presentation', 'posters', 'intranet', 'onboarding-information-pack', 'team-leader-training'];

/** `12.34` from a ratio of integers, rounded half up: no float reaches the signed content. */
export function per100(cases: number, headcount: number): string | null {
  if (headcount <= 0) return null;
  const hundredths = Math.floor((cases * 10_000 * 2 + headcount) / (2 * headcount));
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

const hundredths = (rate: string) => Number(rate.replace('.', ''));

export interface ContentInput {
  organisationId: string;
  year: number;
  publication: number;
  publishedOn: string;
  factsVersion: number;
  headcount: number | null;
  figures: YearFigures;
  protectedResult: ProtectResult;
  narrative: { signals: string; advice: string };
  /** Recorded as an input: it comes from other organisations, not from this one's facts (the agency's benchmark as shown). */
  agencyReportsPer100: string | null;
  /** The organisation's sector (SBI section) and its benchmark as shown; recorded like the agency's (absent in reports published before). */
  sector?: { section: string | null; reportsPer100: string | null };
}

/** The report as published: protected tables, hours, activities, trend, the low-visibility signal, the narrative. */
export function reportContent(input: ContentInput): PublishedContent {
  const { figures, protectedResult } = input;
  const tables = protectedResult.tables.map((table) => ({
    id: table.id,
    cells: table.cells.map((cell) => ({ key: cell.key, value: cell.suppressed ? null : cell.value, reason: cell.reason })),
  }));
  const valueOf = (tableId: string) => tables.find((t) => t.id === tableId)?.cells[0]?.value ?? null;
  const thisYear = valueOf('total');
  const lastYear = valueOf('last-year-total');
  const direction = thisYear === null || lastYear === null ? null : thisYear > lastYear ? 'up' : thisYear < lastYear ? 'down' : 'same';
  const own = input.headcount === null ? null : per100(figures.cases, input.headcount);
  // Far below: under half of every benchmark shown (the agency's, and the sector's when the report records one).
  const comparators = [input.agencyReportsPer100, ...(input.sector ? [input.sector.reportsPer100] : [])].filter(
    (rate): rate is string => rate !== null,
  );
  const low =
    own !== null &&
    comparators.length > 0 &&
    input.headcount !== null &&
    input.headcount >= 10 &&
    comparators.every((rate) => hundredths(own) * 2 < hundredths(rate));
  const done = new Set(figures.activities.map((a) => a.kind));
  return {
    schema: figures.schema,
    organisationId: input.organisationId,
    year: input.year,
    publication: input.publication,
    publishedOn: input.publishedOn,
    k: protectedResult.k,
    algorithm: protectedResult.algorithm,
    factsVersion: input.factsVersion,
    headcount: input.headcount,
    tables,
    hours: {
      activitiesMinutes: figures.activities.reduce((sum, a) => sum + a.minutes, 0),
      // Case work's hours say something only about the cases: shown when the year's cases are shown.
      caseWorkMinutes: thisYear === null ? null : figures.caseWorkMinutes,
    },
    activities: figures.activities,
    trend: { thisYear, lastYear, direction },
    visibility: {
      low,
      suggestions: low ? VISIBILITY_ACTIVITIES.filter((kind) => !done.has(kind)) : [],
      agencyReportsPer100: input.agencyReportsPer100,
      ...(input.sector ? { sector: input.sector } : {}),
    },
    narrative: input.narrative,
  };
}
