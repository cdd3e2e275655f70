import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import fc from 'fast-check';
import { attack, checkAgainstLedger, DISCLOSURE_ALGORITHM, protect, type LedgerEntry as CellsEntry } from '@vertrouwd/disclosure';
import type { AppendResult, EventStore, ExpectedVersion, NewEvent, ReadStreamOptions, RecordedEvent } from '@vertrouwd/event-sourcing';
import { systemContext } from '@vertrouwd/service-kit';
import type { ReportingFact } from '../../domain/facts/facts';
import type { BenchmarksService } from '../benchmarks/benchmarks.service';
import type { ReportingReads, ReportSigner } from '../ports/reporting-reads.port';
import { FactsJournal, ReportsRepository } from '../reporting.repositories';
import { yearFigures } from './figures';
import { composeReport } from './compose-report';
import { cellsOfProduct } from './ledger-cells';
import { compactLedgerEntry, ledgerOver } from './ledger-over-sites';
import { DEFAULT_K, ReportsService } from './reports.service';

// A publication stores its ledger compactly (ADR 0056); one stored before (every finest cell listed, event type
// `ReportPublished`) must still be read as the same ledger: the next publication gets the same blanks and digest as
// it would against the compact one, and both still reproduce. Over random case histories of two years.
jest.setTimeout(120_000);

const AGENCY = 'a0000000-0000-4000-8000-000000000001';
const TODAY = '2026-03-01';
const THEMES = ['bullying', 'intimidation', 'discrimination'] as const;
const RELATIONS = ['manager', 'colleague'] as const;

/** The event store as far as reporting uses it, in memory; data goes through JSON as it does through PostgreSQL. */
class MemoryStore {
  readonly streams = new Map<string, RecordedEvent[]>();
  private position = 0n;

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const events = this.streams.get(streamId) ?? [];
    return structuredClone(options.maxCount === undefined ? events : events.slice(0, options.maxCount));
  }

  async appendToStream(streamId: string, events: NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    const stream = this.streams.get(streamId) ?? [];
    if (typeof expected === 'number' ? expected !== stream.length - 1 : expected === 'no_stream' && stream.length > 0)
      throw new Error(`${streamId}: expected ${expected}, at ${stream.length - 1}`);
    for (const event of events)
      stream.push({
        id: event.id ?? randomUUID(),
        type: event.type,
        data: JSON.parse(JSON.stringify(event.data)),
        metadata: { prevHash: '', hash: '' },
        streamId,
        version: stream.length,
        position: ++this.position,
        recordedAt: new Date(),
      });
    this.streams.set(streamId, stream);
    return { nextExpectedVersion: stream.length - 1, position: this.position };
  }
}

/** The agency's disclosure rules as the service reads them: change `k` to raise the agency's threshold. */
interface AgencyRules {
  k: number;
}

function serviceOver(store: MemoryStore, rules: AgencyRules = { k: DEFAULT_K }, compose = composeReport): ReportsService {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const signer: ReportSigner = {
    sign: async (digest) => sign(null, Buffer.from(digest, 'hex'), privateKey).toString('base64'),
    publicKey: async () => publicKey,
  };
  const reads = {
    agencyOf: async () => AGENCY,
    benchmarkRules: async () => ({ k: rules.k, minOrganisations: 3, maxSharePercent: 60 }),
  } as unknown as ReportingReads;
  const benchmarks = { comparators: async () => ({ agency: '1.50', sector: 'C', sectorReportsPer100: '2.00' }) };
  const eventStore = store as unknown as EventStore;
  return new ReportsService(
    new ReportsRepository(eventStore),
    new FactsJournal(eventStore),
    reads,
    signer,
    benchmarks as unknown as BenchmarksService,
    { compose },
  );
}

interface CaseSpec {
  year: number;
  month: number;
  theme: number;
  relation: number;
  site: string | undefined;
  closed: boolean;
}

const history: fc.Arbitrary<CaseSpec[]> = fc.array(
  fc.record({
    year: fc.constantFrom(2024, 2025),
    month: fc.integer({ min: 1, max: 12 }),
    theme: fc.integer({ min: 0, max: THEMES.length - 1 }),
    relation: fc.integer({ min: 0, max: RELATIONS.length - 1 }),
    site: fc.constantFrom(undefined, 'utrecht', 'gelderland'),
    closed: fc.boolean(),
  }),
  { minLength: 0, maxLength: 60 },
);

function factsOf(cases: readonly CaseSpec[]): ReportingFact[] {
  const facts: ReportingFact[] = [
    {
      type: 'OrganisationRecorded',
      agencyId: AGENCY,
      headcount: 300,
      headcountFrom: '2024-01-01',
      sbiCode: '1071',
      wbkObliged: true,
      pendingBillObliged: true,
      counsellorAppointed: true,
      active: true,
      sites: ['utrecht', 'gelderland'],
    },
  ];
  cases.forEach((c, i) => {
    const on = `${c.year}-${String(c.month).padStart(2, '0')}-10`;
    facts.push({
      type: 'CaseReported',
      caseRef: `case-${i}`,
      on,
      theme: THEMES[c.theme],
      relation: RELATIONS[c.relation],
      anonymity: 'anonymous',
      ...(c.site ? { site: c.site } : {}),
    });
    if (c.closed) facts.push({ type: 'CaseClosed', caseRef: `case-${i}`, on: `${c.year}-12-20`, outcome: 'settled-informally' });
  });
  return facts.sort((a, b) => ('on' in a ? a.on : '').localeCompare('on' in b ? b.on : ''));
}

async function journal(store: MemoryStore, organisationId: string, facts: readonly ReportingFact[]) {
  const written = new FactsJournal(store as unknown as EventStore);
  for (const fact of facts) await written.record(organisationId, randomUUID(), fact);
}

describe('a report published under the disclosure rules before ADR 0074', () => {
  it('reproduces under those rules, which blank less than the current ones', async () => {
    const store = new MemoryStore();
    const organisationId = randomUUID();
    // The bakery's year by quarter: 5, 4, 5, 4 cases (ADR 0074), all about the same theme, relation and site.
    const months = [1, 2, 3, 3, 3, 4, 5, 6, 6, 7, 8, 9, 9, 9, 10, 11, 12, 12];
    const facts = factsOf(months.map((month) => ({ year: 2024, month, theme: 0, relation: 0, site: 'utrecht', closed: true })));
    await journal(store, organisationId, facts);
    const before = 'gauss-interval-2026.12';
    const underOldRules = serviceOver(store, undefined, (request) => composeReport({ ...request, algorithm: request.algorithm ?? before }));
    const published = await underOldRules.publish(AGENCY, organisationId, 2024, TODAY, systemContext('system:test', randomUUID()));
    expect(published.content.algorithm).toBe(before);
    const reproduced = await serviceOver(store).reproduce(AGENCY, organisationId, 2024, 1);
    expect(reproduced).toMatchObject({ same: true, reproducedDigest: published.digest });
    // Under the current rules the same facts give another report: the reproduction did apply the old ones.
    const fresh = new MemoryStore();
    await journal(fresh, organisationId, facts);
    const current = await serviceOver(fresh).draft(AGENCY, organisationId, 2024, TODAY);
    expect(current.algorithm).toBe(DISCLOSURE_ALGORITHM);
    expect(current.tables).not.toEqual(published.content.tables);
  });
});

describe('the publication ledger, stored as products and as it was stored before', () => {
  it('stores every cell of an annual report as a product of field values that expands to its cells', async () => {
    const store = new MemoryStore();
    const organisationId = randomUUID();
    const facts = factsOf([{ year: 2024, month: 3, theme: 0, relation: 0, site: 'utrecht', closed: true }]);
    await journal(store, organisationId, facts);
    const published = await serviceOver(store).publish(AGENCY, organisationId, 2024, TODAY, systemContext('system:test', randomUUID()));
    const figures = yearFigures(facts, 2024);
    const protectedResult = await protect({
      k: DEFAULT_K,
      finestCells: figures.finestCells,
      tables: figures.tables,
      publication: '2024/1',
    });
    const asBefore = protectedResult.ledgerEntries.map((entry) => compactLedgerEntry(figures, entry));
    expect(published.ledgerEntries.every((entry) => entry.product && !entry.cells)).toBe(true);
    expect(published.ledgerEntries.map(({ product, ...entry }) => ({ ...entry, cells: cellsOfProduct(product!) }))).toEqual(asBefore);
    expect(JSON.stringify(published.ledgerEntries).length * 20).toBeLessThan(JSON.stringify(asBefore).length);
  });

  it('protects and reproduces a publication against a ledger stored cell by cell exactly as against a compact one', async () => {
    await fc.assert(
      fc.asyncProperty(history, async (cases) => {
        const facts = factsOf(cases);
        const context = systemContext('system:test', randomUUID());
        // The same organisation in two stores: its 2024 report stored now (products), and as it was stored before
        // (every cell listed, event type `ReportPublished`).
        const organisationId = randomUUID();
        const [compact, listed] = [new MemoryStore(), new MemoryStore()];
        await journal(compact, organisationId, facts);
        await journal(listed, organisationId, facts);
        const [now, before] = [serviceOver(compact), serviceOver(listed)];
        await now.publish(AGENCY, organisationId, 2024, TODAY, context);
        const figures = yearFigures(facts, 2024);
        const protectedResult = await protect({
          k: DEFAULT_K,
          finestCells: figures.finestCells,
          tables: figures.tables,
          publication: '2024/1',
        });
        const [opened, published] = compact.streams.get(`reports-${organisationId}`)!;
        const { ledgerEntries, ...rest } = published.data as { ledgerEntries: unknown[] };
        expect(ledgerEntries).not.toEqual([]);
        await listed.appendToStream(
          `reports-${organisationId}`,
          [
            { type: opened.type, data: opened.data },
            {
              type: 'ReportPublished',
              data: { ...rest, ledgerEntries: protectedResult.ledgerEntries.map((e) => compactLedgerEntry(figures, e)) },
            },
          ],
          'no_stream',
        );

        // This year's report shows last year's total and quarters again: both ledgers must give the same blanks.
        expect(await before.draft(AGENCY, organisationId, 2025, TODAY)).toEqual(await now.draft(AGENCY, organisationId, 2025, TODAY));
        const fromCompact = await now.publish(AGENCY, organisationId, 2025, TODAY, context);
        const fromListed = await before.publish(AGENCY, organisationId, 2025, TODAY, context);
        expect(fromListed.content).toEqual(fromCompact.content);
        expect(fromListed.digest).toBe(fromCompact.digest);
        for (const service of [now, before])
          for (const [year, publication] of [
            [2024, 1],
            [2025, 2],
          ])
            expect(await service.reproduce(AGENCY, organisationId, year, publication)).toMatchObject({ same: true });
      }),
      { seed: 56, numRuns: 6 },
    );
  });
});

// An agency raises k (ADR 0063): what it publishes next is protected at the new k, what is out keeps the k it was
// published at. The next publication must not be refused because last year's figures (shown again in the trend) are
// under the new k, and nothing published, at either k, may let the attacker narrow a blank below its own k.
describe('an agency that raises k between publications', () => {
  const context = () => systemContext('system:test', randomUUID());
  const signature = (entry: CellsEntry) => JSON.stringify([...entry.cells].sort());

  it("publishes at the new k, shows last year's 6 again in the trend, and reproduces each publication at its own k", async () => {
    // 2024: six cases (shown at k = 5). 2025: six cases again (blank at k = 7).
    const cases = [2024, 2025].flatMap((year) =>
      Array.from({ length: 6 }, (_, i): CaseSpec => ({ year, month: 3 + i, theme: 0, relation: 0, site: 'utrecht', closed: true })),
    );
    const store = new MemoryStore();
    const rules = { k: DEFAULT_K };
    const service = serviceOver(store, rules);
    const organisationId = randomUUID();
    await journal(store, organisationId, factsOf(cases));
    const first = await service.publish(AGENCY, organisationId, 2024, TODAY, context());
    const total = (content: { tables: { id: string; cells: { value: number | null }[] }[] }, id: string) =>
      content.tables.find((t) => t.id === id)!.cells[0].value;
    expect(first.content.k).toBe(5);
    expect(total(first.content, 'total')).toBe(6);

    rules.k = 7;
    expect(await service.reproduce(AGENCY, organisationId, 2024, 1)).toMatchObject({ same: true, reproducedDigest: first.digest });
    const draft = await service.draft(AGENCY, organisationId, 2025, TODAY);
    expect(draft.k).toBe(7);
    expect(total(draft, 'total')).toBeNull();
    expect(total(draft, 'last-year-total')).toBe(6);
    const second = await service.publish(AGENCY, organisationId, 2025, TODAY, context());
    expect(second.content).toEqual(draft);
    rules.k = 9;
    expect(await service.reproduce(AGENCY, organisationId, 2025, 2)).toMatchObject({ same: true, reproducedDigest: second.digest });
  });

  it('leaves no blank the attacker can pin within the k it was published at, over random histories', async () => {
    await fc.assert(
      fc.asyncProperty(history, fc.integer({ min: 6, max: 9 }), async (cases, raised) => {
        const store = new MemoryStore();
        const rules = { k: DEFAULT_K };
        const service = serviceOver(store, rules);
        const organisationId = randomUUID();
        const facts = factsOf(cases);
        await journal(store, organisationId, facts);
        await service.publish(AGENCY, organisationId, 2024, TODAY, context());
        rules.k = raised;
        // This year's report (the trend shows last year's cells again), then last year's published again.
        await service.publish(AGENCY, organisationId, 2025, TODAY, context());
        await service.publish(AGENCY, organisationId, 2024, TODAY, context());
        for (const [year, publication] of [
          [2024, 1],
          [2025, 2],
          [2024, 3],
        ])
          expect(await service.reproduce(AGENCY, organisationId, year, publication)).toMatchObject({ same: true });

        const reports = (await new ReportsRepository(store as unknown as EventStore).load(organisationId))!;
        const everything = ledgerOver(yearFigures(facts, 2025), reports.ledger());
        const atFirst = everything.filter((e) => e.publication === '2024/1');
        const later = everything.filter((e) => e.publication !== '2024/1');
        expect(atFirst.every((e) => e.k === 5) && later.every((e) => e.k === raised)).toBe(true);
        expect(checkAgainstLedger(atFirst, later, raised)).toEqual([]);
        // At k = 5 nothing is pinned; at the raised k only what publication 1 decided (shown or blank) may be.
        expect((await attack(everything, { k: DEFAULT_K })).disclosures).toEqual([]);
        const decidedAt5 = new Set(atFirst.map(signature));
        const atRaised = await attack(everything, { k: raised });
        for (const cell of [...atRaised.disclosures, ...atRaised.shownBelowThreshold])
          expect(decidedAt5.has(JSON.stringify([...cell.cells].sort()))).toBe(true);
      }),
      // Five histories (three publications and two complete attacks on the ledger each): 160 s on two cores, run alone.
      { seed: 63, numRuns: 5 },
    );
  });
});
