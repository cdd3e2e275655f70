import { Injectable } from '@nestjs/common';
import { ReadModels } from '@vertrouwd/service-kit';
import type { PendingMatch, PendingMatches } from '../application/ports/pending-matches.port';

const COLUMNS = 'case_id as "caseId", agency_id as "agencyId", advisor_id as "advisorId", round';

@Injectable()
export class SqlPendingMatches implements PendingMatches {
  constructor(private readonly readModels: ReadModels) {}

  async keep(m: PendingMatch): Promise<void> {
    await this.readModels.dataSource.query(
      `insert into case_pending_matches (case_id, agency_id, advisor_id, round, received_at) values ($1, $2, $3, $4, now())
       on conflict (case_id) do update set advisor_id = excluded.advisor_id, round = excluded.round
       where case_pending_matches.round < excluded.round`,
      [m.caseId, m.agencyId, m.advisorId, m.round],
    );
  }

  async of(caseId: string): Promise<PendingMatch | undefined> {
    const rows = await this.readModels.dataSource.query<PendingMatch[]>(`select ${COLUMNS} from case_pending_matches where case_id = $1`, [
      caseId,
    ]);
    return rows[0];
  }

  ready(limit: number): Promise<PendingMatch[]> {
    return this.readModels.dataSource.query(
      `select ${COLUMNS} from case_pending_matches p
        where exists (select 1 from case_overview o where o."caseId" = p.case_id) order by received_at limit $1`,
      [limit],
    );
  }

  async forget(caseId: string): Promise<void> {
    await this.readModels.dataSource.query('delete from case_pending_matches where case_id = $1', [caseId]);
  }
}
