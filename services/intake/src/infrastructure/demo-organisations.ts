import type { TransactionalQuery } from '@vertrouwd/messaging';
import { DEMO_ADVISORS, DEMO_AGENCY_ID, DEMO_ORGANISATIONS } from '@vertrouwd/auth';

/** A counsellor as the intake page shows them: kind, gender and languages; an id, never a name. */
export interface AvailableCounsellor {
  counsellorId: string;
  kind: 'internal' | 'external';
  gender: 'female' | 'male' | 'non-binary';
  languages: string[];
}

interface OrganisationSeed {
  intakeCode: string;
  organisationId: string;
  name: string;
  languages: string[];
  counsellors: AvailableCounsellor[];
}

// Until the matching service publishes organisations and their counsellors, intake keeps this read model
// itself, seeded with the demo agency's two organisations (demo data only).
const DEMO: OrganisationSeed[] = [
  {
    intakeCode: 'bakkerij-2026',
    organisationId: DEMO_ORGANISATIONS['org-bakkerij'],
    name: 'Bakkerij De Korenaar',
    languages: ['nl', 'en'],
    counsellors: [
      { counsellorId: DEMO_ADVISORS['advisor-anna'], kind: 'external', gender: 'female', languages: ['nl', 'en'] },
      { counsellorId: DEMO_ADVISORS['advisor-bram'], kind: 'external', gender: 'male', languages: ['nl'] },
    ],
  },
  {
    intakeCode: 'zorggroep-2026',
    organisationId: DEMO_ORGANISATIONS['org-zorggroep'],
    name: 'Zorggroep Het Baken',
    languages: ['nl', 'en'],
    counsellors: [{ counsellorId: DEMO_ADVISORS['advisor-bram'], kind: 'external', gender: 'male', languages: ['nl'] }],
  },
];

/** Inserts the demo organisations when missing; leaves existing rows as they are. */
export async function seedDemoOrganisations(db: TransactionalQuery): Promise<void> {
  for (const org of DEMO) {
    await db.query(
      `insert into intake_organisations (intake_code, organisation_id, agency_id, name, languages, counsellors)
       values ($1, $2, $3, $4, $5, $6) on conflict do nothing`,
      [org.intakeCode, org.organisationId, DEMO_AGENCY_ID, org.name, org.languages, JSON.stringify(org.counsellors)],
    );
  }
}
