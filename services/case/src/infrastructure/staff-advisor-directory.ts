import { Injectable } from '@nestjs/common';
import { ReadModels } from '@vertrouwd/service-kit';
import type { AdvisorDirectory } from '../application/ports/advisor-directory.port';

/** The advisors of the staff directory (`recipient_directory`, seeded with the demo users) until matching has one. */
@Injectable()
export class StaffAdvisorDirectory implements AdvisorDirectory {
  constructor(private readonly readModels: ReadModels) {}

  async canAct(agencyId: string, advisorId: string): Promise<boolean> {
    const rows: unknown[] = await this.readModels.dataSource.query(
      "select 1 from recipient_directory where advisor_id = $1 and agency_id = $2 and role = 'advisor'",
      [advisorId, agencyId],
    );
    return rows.length > 0;
  }
}
