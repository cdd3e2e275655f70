import fc from 'fast-check';
import { attack, checkAgainstLedger, protect, type LedgerEntry } from '@vertrouwd/disclosure';
import type { ReportingFact } from '../../domain/facts/facts';
import { REPORT_SCHEMA, SCHEMA_WITHOUT_SITES, sitesOf, yearFigures, type ReportSchema } from './figures';
import { compactLedgerEntry, ledgerOver } from './ledger-over-sites';

// Each run publishes four reports of one organisation and attacks everything published: seconds of CPU per run, which
// the machine's other work can stretch. No timing is asserted.
jest.setTimeout(600_000);

const K = 5;
const THEMES = ['bullying', 'intimidation', 'discrimination'] as const;
const RELATIONS = ['manager', 'colleague'] as const;
const OUTCOMES = ['settled-informally', 'referred'] as const;

interface CaseSpec {
  year: 2025 | 2026;
  month: number;
  theme: number;
  relation: number;
  /** 0: not given; 1–3: one of the organisation's (possible) sites. */
  site: number;
  /** Closed within its year with this outcome, or open (-1). */
  outcome: number;
  referred: boolean;
}

interface History {
  /** The organisation's sites at first, and the site it gains after last year's report. */
  sitesBefore: string[];
  siteAdded: string;
  cases: CaseSpec[];
}

const SITE_POOL = ['utrecht', 'gelderland', 'zeeland'];

const history: fc.Arbitrary<History> = fc.record({
  sitesBefore: fc.subarray(SITE_POOL.slice(0, 2)),
  siteAdded: fc.constantFrom(...SITE_POOL),
  cases: fc.integer({ min: 0, max: 70 }).chain((size) =>
    fc.array(
      fc.record({
        year: fc.constantFrom(2025 as const, 2026 as const),
        month: fc.integer({ min: 1, max: 12 }),
        theme: fc.integer({ min: 0, max: THEMES.length - 1 }),
        relation: fc.integer({ min: 0, max: RELATIONS.length - 1 }),
        site: fc.integer({ min: 0, max: 3 }),
        outcome: fc.integer({ min: -1, max: OUTCOMES.length - 1 }),
        referred: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
      }),
      { minLength: size, maxLength: size },
    ),
  ),
});

const organisation = (sites: string[]): ReportingFact => ({
  type: 'OrganisationRecorded',
  agencyId: 'agency',
  headcount: 120,
  headcountFrom: '2025-01-01',
  sbiCode: '1071',
  wbkObliged: true,
  pendingBillObliged: true,
  counsellorAppointed: true,
  active: true,
  sites,
});

/** The facts of the cases of one year, in order: reported, referred, closed. */
function caseFacts(h: History, year: number, sites: readonly string[]): ReportingFact[] {
  return h.cases.flatMap((c, i): ReportingFact[] => {
    if (c.year !== year) return [];
    const on = `${year}-${String(c.month).padStart(2, '0')}-10`;
    const caseRef = `case-${i}`;
    const site = c.site === 0 ? undefined : sites[(c.site - 1) % Math.max(1, sites.length)];
    const facts: ReportingFact[] = [
      {
        type: 'CaseReported',
        caseRef,
        on,
        theme: THEMES[c.theme],
        relation: RELATIONS[c.relation],
        anonymity: 'anonymous',
        ...(site ? { site } : {}),
      },
    ];
    if (c.referred) facts.push({ type: 'ReferralMade', caseRef, on, referralType: 'company-doctor' });
    if (c.outcome >= 0) facts.push({ type: 'CaseClosed', caseRef, on: `${year}-12-20`, outcome: OUTCOMES[c.outcome] });
    return facts;
  });
}

interface Published {
  year: number;
  schema: ReportSchema;
  /** As the ledger stores them. */
  entries: LedgerEntry[];
}

/**
 * One organisation's publications: last year's report before sites were kept (schema 1); then the organisation gains
 * a site and this year's report is published with the site table (for the board and the works council alike); then
 * it gains another and this year's report is published again; then last year's again, now with its sites.
 */
async function publishEverything(h: History, options: { withLedger: boolean } = { withLedger: true }) {
  const facts: ReportingFact[] = [organisation(h.sitesBefore), ...caseFacts(h, 2025, h.sitesBefore)];
  const published: Published[] = [];
  const publish = async (year: number, schema: ReportSchema) => {
    const figures = yearFigures(facts, year, schema);
    const ledger = options.withLedger
      ? ledgerOver(
          figures,
          published.flatMap((p) => p.entries),
        )
      : [];
    const result = await protect({
      k: K,
      finestCells: figures.finestCells,
      ledger,
      tables: figures.tables,
      publication: `${year}/${published.length + 1}`,
    });
    if (options.withLedger) expect(checkAgainstLedger(ledger, result.ledgerEntries, K)).toEqual([]);
    published.push({ year, schema, entries: result.ledgerEntries.map((entry) => compactLedgerEntry(figures, entry)) });
  };
  await publish(2025, SCHEMA_WITHOUT_SITES);
  const later = [...new Set([...h.sitesBefore, h.siteAdded])];
  facts.push(organisation(later), ...caseFacts(h, 2026, later));
  await publish(2026, REPORT_SCHEMA);
  facts.push(organisation([...new Set([...later, 'limburg'])]));
  await publish(2026, REPORT_SCHEMA);
  await publish(2025, REPORT_SCHEMA);
  return { facts, published };
}

/** Every stored entry as sums of the finest cells of now (a cell stored without a site is the sum over every site). */
function overFinestCellsOfNow(facts: readonly ReportingFact[], published: readonly Published[]): LedgerEntry[] {
  const sites = sitesOf(facts);
  return published.flatMap((p) =>
    p.entries.map((entry) => ({
      ...entry,
      cells: entry.cells.flatMap((id) => (id.split('|').length === 6 ? sites.map((site) => `${id}|${site}`) : [id])),
    })),
  );
}

describe('the annual report with its site table, over random histories of one organisation', () => {
  it('leaves the attacker no blank it can pin within k across every table published; shows true sums only, a figure once shown the same and a blank never shown again', async () => {
    await fc.assert(
      fc.asyncProperty(history, async (h) => {
        const { facts, published } = await publishEverything(h);
        const everything = overFinestCellsOfNow(facts, published);
        expect(published.filter((p) => p.schema === REPORT_SCHEMA).every((p) => p.entries.some((e) => e.table === 'by-site'))).toBe(true);
        const report = await attack(everything, { k: K });
        expect(report.shownBelowThreshold).toEqual([]);
        expect(report.disclosures).toEqual([]);

        const counts = new Map(
          [...yearFigures(facts, 2025).finestCells, ...yearFigures(facts, 2026).finestCells].map((c) => [c.id, c.count]),
        );
        const bySignature = new Map<string, LedgerEntry[]>();
        for (const entry of everything) {
          if (entry.value !== null && entry.cells.every((id) => counts.has(id)))
            expect(entry.value).toBe(entry.cells.reduce((sum, id) => sum + counts.get(id)!, 0));
          const signature = JSON.stringify([...entry.cells].sort());
          bySignature.set(signature, [...(bySignature.get(signature) ?? []), entry]);
        }
        const order = (entry: LedgerEntry) => Number(entry.publication.split('/')[1]);
        for (const same of bySignature.values()) {
          const firstBlank = Math.min(...same.filter((e) => e.value === null).map(order));
          for (const entry of same) if (order(entry) > firstBlank) expect(entry.value).toBeNull();
          expect(new Set(same.filter((e) => e.value !== null).map((e) => e.value)).size).toBeLessThanOrEqual(1);
        }
      }),
      { seed: 47, numRuns: 4 },
    );
  });

  it('is an attacker that finds what a site table protected on its own would give away', async () => {
    // This year's tables, but the site table protected apart from the others (option 1 of ADR 0047): the attacker
    // over both finds a blank site pinned within k through the total, in some history. One system of cells prevents it.
    const result = await fc.check(
      fc.asyncProperty(history, async (h) => {
        const sites = [...new Set([...h.sitesBefore, h.siteAdded])];
        const facts = [organisation(sites), ...caseFacts(h, 2025, sites), ...caseFacts(h, 2026, sites)];
        const figures = yearFigures(facts, 2026);
        const apart = async (tables: typeof figures.tables, publication: string) =>
          (await protect({ k: K, finestCells: figures.finestCells, tables, publication })).ledgerEntries;
        const published = [
          ...(await apart(
            figures.tables.filter((t) => t.id !== 'by-site'),
            'tables',
          )),
          ...(await apart(
            figures.tables.filter((t) => t.id === 'by-site'),
            'sites',
          )),
        ];
        const report = await attack(published, { k: K });
        return report.disclosures.length === 0;
      }),
      { seed: 47, numRuns: 20, endOnFailure: true },
    );
    expect(result.failed).toBe(true);
  });
});
