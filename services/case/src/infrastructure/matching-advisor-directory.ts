import { Injectable } from '@nestjs/common';
import { ReadModels } from '@vertrouwd/service-kit';
import type { AdvisorDirectory } from '../application/ports/advisor-directory.port';

/** Matching's directory (`case_counsellors`, from `matching.counsellor-published.v1`): active counsellors of the agency. */
@Injectable()
export class MatchingAdvisorDirectory implements AdvisorDirectory {
  constructor(private readonly readModels: ReadModels) {}

  async canAct(agencyId: string, advisorId: string): Promise<boolean> {
    const rows: unknown[] = await this.readModels.dataSource.query(
      'select 1 from case_counsellors where counsellor_id = $1 and agency_id = $2 and active',
      [advisorId, agencyId],
    );
    return rows.length > 0;
  }
}
