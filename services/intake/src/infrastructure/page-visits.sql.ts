import { Injectable } from '@nestjs/common';
import { ReadModels } from '@vertrouwd/service-kit';
import type { PageVisitTallies } from '../application/ports/page-visits.port';

/** `intake_page_visits`: a counter per organisation and day; no address, cookie, device or time of a visit is kept. */
@Injectable()
export class SqlPageVisitTallies implements PageVisitTallies {
  constructor(private readonly readModels: ReadModels) {}

  async add(organisationId: string, agencyId: string, day: string, visits = 1): Promise<void> {
    await this.readModels.dataSource.query(
      `insert into intake_page_visits (organisation_id, agency_id, day, visits) values ($1, $2, $3, $4)
       on conflict (organisation_id, day) do update set visits = intake_page_visits.visits + excluded.visits`,
      [organisationId, agencyId, day, visits],
    );
  }

  unrecorded(before: string, limit: number) {
    return this.readModels.dataSource.query<{ organisationId: string; agencyId: string; day: string; visits: number }[]>(
      `select organisation_id as "organisationId", agency_id as "agencyId", day::text as day, visits from intake_page_visits
        where day < $1 and not recorded order by day, organisation_id limit $2`,
      [before, limit],
    );
  }

  async markRecorded(organisationId: string, day: string): Promise<void> {
    await this.readModels.dataSource.query('update intake_page_visits set recorded = true where organisation_id = $1 and day = $2', [
      organisationId,
      day,
    ]);
  }
}
