import type { EntityManager } from 'typeorm';
import type { Projection, RecordedEvent } from '@vertrouwd/event-sourcing';
import type { AgencyDisclosureRulesEvent } from '../../domain/disclosure-rules/disclosure-rules.events';

/** Folds agencies' disclosure rules into `reporting_agency_rules` (what drafts and benchmarks read). Rebuildable from zero. */
export class AgencyRulesProjector implements Projection {
  static readonly NAME = 'reporting-agency-rules';
  readonly name = AgencyRulesProjector.NAME;
  readonly filter = { categories: ['disclosurerules'] };

  async apply(events: RecordedEvent[], manager: EntityManager): Promise<void> {
    for (const recorded of events) {
      const e = { ...(recorded.data as object), type: recorded.type } as AgencyDisclosureRulesEvent;
      if (e.type !== 'AgencyDisclosureRulesSet') continue;
      await manager.query(
        `insert into reporting_agency_rules (agency_id, k, min_organisations, max_share_percent) values ($1, $2, $3, $4)
         on conflict (agency_id) do update set k = excluded.k, min_organisations = excluded.min_organisations,
           max_share_percent = excluded.max_share_percent`,
        [e.agencyId, e.k, e.minOrganisations, e.maxSharePercent],
      );
    }
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('delete from reporting_agency_rules');
  }
}
