import type { CellDefinition, FinestCell, FinestCounts, TableSpec } from '@vertrouwd/disclosure';
import {
  ANONYMITY,
  DEADLINES,
  ENGAGEMENT_KINDS,
  OUTCOMES,
  REFERRAL_TYPES,
  REGIMES,
  REGIONS,
  RELATIONS,
  THEMES,
} from '@vertrouwd/contracts';
import type { ReportingFact } from '../../domain/facts/facts';

/**
 * The figures of an organisation's annual report, computed from its facts alone. Every published count is a sum
 * of *finest cells* (year × quarter × theme × relation × anonymity × state at the cut-off × site, one cell per
 * combination, zeros included), so disclosure control sees every table as sums of the same cells and suppression
 * stays consistent across them (`@vertrouwd/disclosure`, docs/reporting/disclosure-control.md). Referrals and missed
 * deadlines are counted in finest cells of their own.
 *
 * The site (the province a reporter gave, or `not-given`) is part of a case's finest cell since schema 2 (ADR 0047).
 * Reports published before it (schema 1) keyed their finest cells without a site; the ledger keeps those entries as
 * they were, and `ledgerOver` (ledger-over-sites.ts) reads such a cell as the sum of its cells over every site, so old and new
 * publications are sums of the same finest cells. A schema-1 report is reproduced with schema 1's cells.
 */
export const STATES = ['open', ...OUTCOMES] as const;
const QUARTERS = [1, 2, 3, 4] as const;

export const SCHEMA_WITHOUT_SITES = 'vertrouwd.annual-report/1';
export const SCHEMA_WITH_SITES = 'vertrouwd.annual-report/2';
export type ReportSchema = typeof SCHEMA_WITHOUT_SITES | typeof SCHEMA_WITH_SITES;
/** The schema new reports are published under. */
export const REPORT_SCHEMA: ReportSchema = SCHEMA_WITH_SITES;
/** A case whose reporter gave no site. */
export const NOT_GIVEN = 'not-given';
/** Fields of a case's finest cell id without a site (schema 1): `year|Q|theme|relation|anonymity|state`. */
export const SITELESS_FIELDS = 6;
/** The tables whose cells are one site's (kept with their explicit sites in the ledger, never read as all sites). */
export const SITE_TABLES: ReadonlySet<string> = new Set(['by-site']);

export interface ActivityFigures {
  kind: string;
  count: number;
  minutes: number;
}

export interface YearFigures {
  year: number;
  schema: ReportSchema;
  /**
   * The sites of the finest cells (schema 2): the provinces the organisation has had sites in and those reporters
   * gave, in the order of REGIONS, then `not-given`. Empty under schema 1.
   */
  sites: string[];
  /** Every finest cell with its count, as two lists: the ids are the layout's (shared), the counts this report's. */
  finestCounts: FinestCounts;
  /** The same as one object per finest cell (made when first read). */
  readonly finestCells: FinestCell[];
  /** Shared between reports of the same year and sites: never change them. */
  tables: readonly TableSpec[];
  /** True counts, never published as such: the number of cases reported in the year (for the threshold checks). */
  cases: number;
  lastYearCases: number;
  caseWorkMinutes: number;
  activities: ActivityFigures[];
}

const quarterOf = (day: string) => Math.ceil(Number(day.slice(5, 7)) / 3);
const caseCell = (year: number, q: number, theme: string, relation: string, anonymity: string, state: string, site?: string) =>
  `${year}|Q${q}|${theme}|${relation}|${anonymity}|${state}${site === undefined ? '' : `|${site}`}`;

/** Every finest case cell of a year, in a fixed order (with a site each under schema 2). */
function caseCellIds(year: number, sites: readonly string[]): string[] {
  const ids: string[] = [];
  const siteOf: readonly (string | undefined)[] = sites.length === 0 ? [undefined] : sites;
  for (const q of QUARTERS)
    for (const theme of THEMES)
      for (const relation of RELATIONS)
        for (const anonymity of ANONYMITY)
          for (const state of STATES) for (const site of siteOf) ids.push(caseCell(year, q, theme, relation, anonymity, state, site));
  return ids;
}

/**
 * The sites a report's finest cells range over: every province the organisation has recorded a site in, and every
 * site a reporter gave, up to the cut-off (only ever growing as facts are appended), then `not-given`.
 */
export function sitesOf(facts: readonly ReportingFact[]): string[] {
  const seen = new Set<string>();
  for (const fact of facts) {
    if (fact.type === 'OrganisationRecorded') for (const site of fact.sites ?? []) seen.add(site);
    else if (fact.type === 'CaseReported' && fact.site) seen.add(fact.site);
  }
  const known = new Set<string>(REGIONS);
  // A site outside REGIONS cannot come through the contracts; were it ever journaled, its cases still count.
  const other = [...seen].filter((site) => !known.has(site) && site !== NOT_GIVEN).sort();
  return [...REGIONS.filter((region) => seen.has(region)), ...other, NOT_GIVEN];
}

/** The cells whose id has `value` at position `index` (ids are `year|Q|theme|relation|anonymity|state|site`), in order. */
function where(ids: readonly string[], index: number, value: string): string[] {
  let byIndex = partitions.get(ids);
  if (!byIndex) partitions.set(ids, (byIndex = new Map<number, Map<string, string[]>>()));
  let byValue = byIndex.get(index);
  if (!byValue) {
    byValue = new Map();
    for (const id of ids) {
      const part = id.split('|')[index];
      const list = byValue.get(part);
      if (list) list.push(id);
      else byValue.set(part, [id]);
    }
    byIndex.set(index, byValue);
  }
  return [...(byValue.get(value) ?? [])];
}
/** The ids split once per list and position (the lists are built per call of yearFigures, so the cache dies with them). */
const partitions = new WeakMap<readonly string[], Map<number, Map<string, string[]>>>();

/**
 * Folds the facts into each case: when reported, what, and where it stood at the end of `lastDay` (a closure or
 * reopening dated later does not count). So a year's figures stay the same once the year is over, and last year's
 * cells, published before, still match when this year's report shows them beside this year's.
 */
function cases(facts: readonly ReportingFact[], lastDay: string) {
  const byRef = new Map<string, { on: string; theme: string; relation: string; anonymity: string; state: string; site: string }>();
  for (const fact of facts) {
    if (fact.type === 'CaseReported')
      byRef.set(fact.caseRef, {
        on: fact.on,
        theme: fact.theme,
        relation: fact.relation,
        anonymity: fact.anonymity,
        state: 'open',
        site: fact.site ?? NOT_GIVEN,
      });
    else if (fact.type === 'CaseClosed' && fact.on <= lastDay) {
      const known = byRef.get(fact.caseRef);
      if (known) known.state = fact.outcome;
    } else if (fact.type === 'CaseReopened' && fact.on <= lastDay) {
      const known = byRef.get(fact.caseRef);
      if (known) known.state = 'open';
    }
  }
  return byRef;
}

/** The finest cell ids and the tables of a report, which depend only on its year and sites (not on any count). */
interface Layout {
  readonly thisYear: readonly string[];
  readonly lastYear: readonly string[];
  /** Every finest cell id, in a fixed order (last year's case cells, this year's, then referrals and missed deadlines). */
  readonly all: readonly string[];
  /** Each id's place in `all`. */
  readonly indexOf: ReadonlyMap<string, number>;
  readonly tables: readonly TableSpec[];
}

/**
 * The same layout for every report of the same year and sites: made once and shared (nothing changes it), so each
 * draft does not build tens of thousands of ids and cell lists again, and disclosure control recognises the lists it
 * has seen (`@vertrouwd/disclosure` keeps their finest-cell ranks). A handful of years and site sets are in use at a
 * time; the cache is emptied when it holds more than that.
 */
const layouts = new Map<string, Layout>();
const LAYOUTS_KEPT = 32;

function layoutOf(year: number, sites: readonly string[]): Layout {
  const key = `${year}|${sites.join(',')}`;
  const found = layouts.get(key);
  if (found) return found;
  if (layouts.size >= LAYOUTS_KEPT) layouts.clear();
  const thisYear = caseCellIds(year, sites);
  const lastYear = caseCellIds(year - 1, sites);
  const referralIdsOf = (y: number) => QUARTERS.flatMap((q) => REFERRAL_TYPES.map((t) => `${y}|Q${q}|referral|${t}`));
  const missedIdsOf = (y: number) =>
    QUARTERS.flatMap((q) => DEADLINES.flatMap((d) => [...REGIMES, 'unknown'].map((r) => `${y}|Q${q}|missed|${d}|${r}`)));
  const referralIds = referralIdsOf(year);
  const missedIds = missedIdsOf(year);
  const all = [...lastYear, ...thisYear, ...referralIds, ...missedIds, ...referralIdsOf(year - 1), ...missedIdsOf(year - 1)];
  const cell = (key: string, ids: string[]): CellDefinition => ({ key, cells: ids });
  const by = (table: string, ids: string[], index: number, values: readonly string[], label = table): TableSpec => ({
    id: table,
    cells: values.map((value) => cell(`${year}|${label}=${value}`, where(ids, index, value))),
  });
  const tables: TableSpec[] = [
    { id: 'total', cells: [cell(`${year}|total`, thisYear)] },
    { id: 'by-quarter', cells: QUARTERS.map((q) => cell(`${year}|Q${q}`, where(thisYear, 1, `Q${q}`))) },
    by('by-theme', thisYear, 2, THEMES, 'theme'),
    by('by-relation', thisYear, 3, RELATIONS, 'relation'),
    by('by-anonymity', thisYear, 4, ANONYMITY, 'anonymity'),
    by('by-state', thisYear, 5, STATES, 'state'),
    ...(sites.length > 0 ? [by('by-site', thisYear, 6, sites, 'site')] : []),
    { id: 'last-year-total', cells: [cell(`${year - 1}|total`, lastYear)] },
    { id: 'last-year-by-quarter', cells: QUARTERS.map((q) => cell(`${year - 1}|Q${q}`, where(lastYear, 1, `Q${q}`))) },
    {
      id: 'referrals',
      cells: REFERRAL_TYPES.map((t) =>
        cell(
          `${year}|referral=${t}`,
          referralIds.filter((id) => id.endsWith(`|referral|${t}`)),
        ),
      ),
    },
    {
      id: 'deadlines-missed',
      cells: DEADLINES.flatMap((d) =>
        [...REGIMES, 'unknown'].map((r) =>
          cell(
            `${year}|missed=${d}|${r}`,
            missedIds.filter((id) => id.endsWith(`|missed|${d}|${r}`)),
          ),
        ),
      ),
    },
  ];
  const layout = { thisYear, lastYear, all, indexOf: new Map(all.map((id, i) => [id, i])), tables };
  layouts.set(key, layout);
  return layout;
}

/**
 * The figures of `year` (with last year's for the trend) from the organisation's facts up to the cut-off, under the
 * schema new reports are published with, or the one a report being reproduced was published with.
 */
export function yearFigures(facts: readonly ReportingFact[], year: number, schema: ReportSchema = REPORT_SCHEMA): YearFigures {
  const sites = schema === SCHEMA_WITH_SITES ? sitesOf(facts) : [];
  const withSite = sites.length > 0;
  const { thisYear, lastYear, all, indexOf, tables } = layoutOf(year, sites);
  // An id outside the layout (a value the contracts do not have) is in no table, so it is not counted.
  const counts = new Int32Array(all.length);
  const bump = (id: string) => {
    const at = indexOf.get(id);
    if (at !== undefined) counts[at] += 1;
  };
  let caseWorkMinutes = 0;
  const activities = new Map<string, ActivityFigures>();
  for (const y of [year - 1, year]) {
    for (const c of cases(facts, `${y}-12-31`).values()) {
      if (Number(c.on.slice(0, 4)) === y)
        bump(caseCell(y, quarterOf(c.on), c.theme, c.relation, c.anonymity, c.state, withSite ? c.site : undefined));
    }
  }
  for (const fact of facts) {
    if (!('on' in fact)) continue;
    const y = Number(fact.on.slice(0, 4));
    // Last year's referrals and missed deadlines are finest cells too: last year's report published them.
    if (y === year - 1 && (fact.type === 'ReferralMade' || fact.type === 'DeadlineMissed')) {
      if (fact.type === 'ReferralMade') bump(`${y}|Q${quarterOf(fact.on)}|referral|${fact.referralType}`);
      else bump(`${y}|Q${quarterOf(fact.on)}|missed|${fact.deadline}|${fact.regime}`);
      continue;
    }
    if (y !== year) continue;
    if (fact.type === 'ReferralMade') bump(`${year}|Q${quarterOf(fact.on)}|referral|${fact.referralType}`);
    else if (fact.type === 'DeadlineMissed') bump(`${year}|Q${quarterOf(fact.on)}|missed|${fact.deadline}|${fact.regime}`);
    else if (fact.type === 'CaseWorkLogged') caseWorkMinutes += fact.minutes;
    else if (fact.type === 'ActivityRecorded') {
      const entry = activities.get(fact.kind) ?? { kind: fact.kind, count: 0, minutes: 0 };
      entry.count += 1;
      entry.minutes += fact.minutes;
      activities.set(fact.kind, entry);
    }
  }
  // `all` starts with last year's case cells, then this year's.
  const sum = (from: number, to: number) => {
    let total = 0;
    for (let at = from; at < to; at++) total += counts[at];
    return total;
  };
  let finestCells: FinestCell[] | undefined;
  return {
    year,
    schema,
    sites,
    finestCounts: { ids: all, counts },
    get finestCells() {
      return (finestCells ??= all.map((id, i) => ({ id, count: counts[i] })));
    },
    tables,
    cases: sum(lastYear.length, lastYear.length + thisYear.length),
    lastYearCases: sum(0, lastYear.length),
    caseWorkMinutes,
    activities: ENGAGEMENT_KINDS.map((kind) => activities.get(kind)).filter((a): a is ActivityFigures => a !== undefined),
  };
}
