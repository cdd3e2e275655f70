import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@vertrouwd/event-sourcing';
import { EVENT_STORE } from '@vertrouwd/runtime';
import { ReadModels } from '@vertrouwd/service-kit';
import { AgencyRulesProjector } from '../application/disclosure-rules/agency-rules.projector';
import type { ReportingFact } from '../domain/facts/facts';

export interface RebuildOutcome {
  /** Facts read from the journal, in global order (only the two types the tables are made of). */
  facts: number;
  organisations: number;
  cases: number;
}

const ROWS_PER_INSERT = 10_000;
const REBUILT_FROM = ['OrganisationRecorded', 'CaseReported'];

/**
 * Rebuilds reporting's read-model tables (`reporting_organisations`, `reporting_cases`) from zero, from the facts
 * journal alone: the organisations' records (agency, version, headcount, sector, whether active) and the reported
 * cases (organisation, year, theme) of every `facts-*` stream read in global order (the store filters the other
 * types), pages of `pageSize`, folded in memory, then the tables replaced in one transaction; then
 * `reporting_agency_rules` by replaying its projection of the `disclosurerules-*` streams. What the journal listener would have written, except that a case's agency is its
 * organisation's (the listener takes it from the case event; they differ only for an organisation that changed
 * agency). Run it with the journal listener stopped, or run it again afterwards: it replaces, never merges.
 */
@Injectable()
export class ReadModelRebuild {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async rebuild(pageSize = 5_000): Promise<RebuildOutcome> {
    const organisations = new Map<string, { agencyId: string; version: number; headcount: number; sbiCode: string; active: boolean }>();
    const cases = new Map<string, { organisationId: string; year: number; theme: string | null }>();
    let facts = 0;
    let after: bigint | undefined;
    for (;;) {
      const page = await this.store.readAll({ after, maxCount: pageSize, categories: ['facts'], types: REBUILT_FROM });
      for (const event of page) {
        const organisationId = event.streamId.slice('facts-'.length);
        if (event.type === 'OrganisationRecorded') {
          const fact = event.data as Extract<ReportingFact, { type: 'OrganisationRecorded' }>;
          const known = organisations.get(organisationId);
          const version = fact.version ?? 0;
          if (!known || known.version <= version)
            organisations.set(organisationId, {
              agencyId: fact.agencyId,
              version,
              headcount: fact.headcount,
              sbiCode: fact.sbiCode,
              // A fact journaled before organisations could be inactive: active, as the column's default.
              active: fact.active ?? true,
            });
        } else if (event.type === 'CaseReported') {
          const fact = event.data as Extract<ReportingFact, { type: 'CaseReported' }>;
          if (!cases.has(fact.caseRef))
            cases.set(fact.caseRef, { organisationId, year: Number(fact.on.slice(0, 4)), theme: fact.theme ?? null });
        }
      }
      facts += page.length;
      if (page.length < pageSize) break;
      after = page[page.length - 1].position;
    }
    const caseRows = [...cases].filter(([, c]) => organisations.has(c.organisationId));
    await this.readModels.dataSource.transaction(async (m) => {
      await m.query('delete from reporting_cases');
      await m.query('delete from reporting_organisations');
      const orgRows = [...organisations];
      for (let i = 0; i < orgRows.length; i += ROWS_PER_INSERT) {
        const slice = orgRows.slice(i, i + ROWS_PER_INSERT);
        await m.query(
          `insert into reporting_organisations (organisation_id, agency_id, version, headcount, sbi_code, active)
           select * from unnest($1::uuid[], $2::uuid[], $3::int[], $4::int[], $5::text[], $6::boolean[])`,
          [
            slice.map(([id]) => id),
            slice.map(([, o]) => o.agencyId),
            slice.map(([, o]) => o.version),
            slice.map(([, o]) => o.headcount),
            slice.map(([, o]) => o.sbiCode),
            slice.map(([, o]) => o.active),
          ],
        );
      }
      for (let i = 0; i < caseRows.length; i += ROWS_PER_INSERT) {
        const slice = caseRows.slice(i, i + ROWS_PER_INSERT);
        await m.query(
          `insert into reporting_cases (case_ref, organisation_id, agency_id, year, theme)
           select * from unnest($1::text[], $2::uuid[], $3::uuid[], $4::int[], $5::text[])`,
          [
            slice.map(([ref]) => ref),
            slice.map(([, c]) => c.organisationId),
            slice.map(([, c]) => organisations.get(c.organisationId)?.agencyId),
            slice.map(([, c]) => c.year),
            slice.map(([, c]) => c.theme),
          ],
        );
      }
    });
    // The agencies' disclosure rules come from their own streams, through their projection: replayed from zero too.
    await this.readModels.projection(AgencyRulesProjector.NAME).rebuild();
    return { facts, organisations: organisations.size, cases: caseRows.length };
  }
}
