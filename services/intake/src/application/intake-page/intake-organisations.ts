import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { DATABASE_POOL } from '@vertrouwd/runtime';

export interface IntakeOrganisation {
  intakeCode: string;
  organisationId: string;
  agencyId: string;
  name: string;
  languages: string[];
  counsellors: { counsellorId: string; kind: 'internal' | 'external'; gender: string; languages: string[] }[];
}

/** The organisations reachable by intake code (intake's own read model until matching publishes them). */
@Injectable()
export class IntakeOrganisations {
  constructor(@Inject(DATABASE_POOL) private readonly pool: Pool) {}

  async byCode(intakeCode: string): Promise<IntakeOrganisation | undefined> {
    const { rows } = await this.pool.query<IntakeOrganisation>(
      `select intake_code as "intakeCode", organisation_id as "organisationId", agency_id as "agencyId", name, languages, counsellors
       from intake_organisations where intake_code = $1`,
      [intakeCode],
    );
    return rows[0];
  }
}
