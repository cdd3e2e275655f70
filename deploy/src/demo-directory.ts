import {
  DEMO_ADVISORS,
  DEMO_AGENCY_2_ADVISORS,
  DEMO_AGENCY_2_ID,
  DEMO_AGENCY_2_ORGANISATIONS,
  DEMO_AGENCY_ID,
  DEMO_ORGANISATIONS,
} from '@vertrouwd/auth';

// The demo directory, made through matching's API like any agency's: two agencies, their coordinators and
// counsellors (external and internal, one absent next week), client organisations of different sizes (one under
// the pending bill's 10, one under the Wbk's 50, larger ones), who serves whom, an agreement and a workshop.
// Made-up names; no real person or company is described. Demo users keep their fixed ids so tokens of the README work.

export interface DemoCounsellor {
  counsellorId: string;
  username: string;
  name: string;
  introduction: string;
  kind: 'external' | 'internal';
  organisationId?: string;
  roles: string[];
  languages: string[];
  gender: 'female' | 'male' | 'non-binary';
  regions: string[];
  specialisms: string[];
  capacityCases: number;
  capacityHoursPerWeek: number;
}

export interface DemoOrganisation {
  organisationId: string;
  label: string;
  name: string;
  intakeCode: string;
  kvkNumber: string;
  vatId?: string;
  sbiCode: string;
  headcount: number;
  regions: string[];
  languages: string[];
  /** Usernames of the primary and substitute, or 'matching' to let matching choose them. */
  appoint: [string, string] | 'matching';
  internal?: string[];
}

export interface DemoAgency {
  agencyId: string;
  name: string;
  coordinator: string;
  counsellors: DemoCounsellor[];
  organisations: DemoOrganisation[];
}

const both = ['unwanted-behaviour', 'integrity'];

export const DEMO_DIRECTORY: DemoAgency[] = [
  {
    agencyId: DEMO_AGENCY_ID,
    name: 'Vertrouwenspunt Midden (demo)',
    coordinator: 'coordinator-carla',
    counsellors: [
      {
        counsellorId: DEMO_ADVISORS['advisor-anna'],
        username: 'advisor-anna',
        name: 'Anna de Vries',
        introduction: 'Externe vertrouwenspersoon sinds 2015; gespecialiseerd in pesten en intimidatie.',
        kind: 'external',
        roles: both,
        languages: ['nl', 'en'],
        gender: 'female',
        regions: ['utrecht', 'gelderland'],
        specialisms: ['bullying', 'sexual-harassment'],
        capacityCases: 12,
        capacityHoursPerWeek: 16,
      },
      {
        counsellorId: DEMO_ADVISORS['advisor-bram'],
        username: 'advisor-bram',
        name: 'Bram Jansen',
        introduction: 'Externe vertrouwenspersoon integriteit; oud-compliance officer.',
        kind: 'external',
        roles: both,
        languages: ['nl'],
        gender: 'male',
        regions: ['utrecht', 'noord-holland'],
        specialisms: ['integrity-and-fraud', 'whistleblowing'],
        capacityCases: 10,
        capacityHoursPerWeek: 12,
      },
      {
        counsellorId: 'df1b9bf2-850a-4105-8ccf-e13a70f52b0c',
        username: 'counsellor-daan',
        name: 'Daan Meijer',
        introduction: 'Vertrouwenspersoon met ervaring in de zorg; spreekt ook Pools.',
        kind: 'external',
        roles: ['unwanted-behaviour'],
        languages: ['nl', 'pl', 'en'],
        gender: 'male',
        regions: ['gelderland'],
        specialisms: ['healthcare', 'aggression-and-violence'],
        capacityCases: 8,
        capacityHoursPerWeek: 8,
      },
    ],
    organisations: [
      {
        organisationId: DEMO_ORGANISATIONS['org-bakkerij'],
        label: 'org-bakkerij',
        name: 'Bakkerij De Korenaar',
        intakeCode: 'bakkerij-2026',
        kvkNumber: '30111222',
        vatId: 'NL811122233B01',
        sbiCode: '1071',
        headcount: 45,
        regions: ['utrecht'],
        languages: ['nl', 'en'],
        appoint: ['advisor-anna', 'advisor-bram'],
      },
      {
        organisationId: DEMO_ORGANISATIONS['org-zorggroep'],
        label: 'org-zorggroep',
        name: 'Zorggroep Het Baken',
        intakeCode: 'zorggroep-2026',
        kvkNumber: '30222333',
        vatId: 'NL822233344B01',
        sbiCode: '8710',
        headcount: 850,
        regions: ['gelderland', 'utrecht'],
        languages: ['nl', 'en', 'pl'],
        appoint: 'matching',
        internal: ['counsellor-iris'],
      },
      {
        organisationId: '20809092-9582-413a-8c39-3861fcc04699',
        label: 'org-fietsenmaker',
        name: 'Fietsenmakerij Spaak',
        intakeCode: 'spaak-2026',
        kvkNumber: '30333444',
        sbiCode: '9529',
        headcount: 8,
        regions: ['utrecht'],
        languages: ['nl'],
        appoint: ['advisor-bram', 'advisor-anna'],
      },
    ],
  },
  {
    agencyId: DEMO_AGENCY_2_ID,
    name: 'Vertrouwenspersonen Noord (demo)',
    coordinator: 'coordinator-noor',
    counsellors: [
      {
        counsellorId: DEMO_AGENCY_2_ADVISORS['advisor-nina'],
        username: 'advisor-nina',
        name: 'Nina Postma',
        introduction: 'Externe vertrouwenspersoon in het noorden; ervaring in techniek en scheepsbouw.',
        kind: 'external',
        roles: both,
        languages: ['nl', 'en'],
        gender: 'female',
        regions: ['groningen', 'friesland'],
        specialisms: ['discrimination'],
        capacityCases: 10,
        capacityHoursPerWeek: 12,
      },
      {
        counsellorId: 'e3499015-f2e8-4823-a1ff-cca2d3080115',
        username: 'counsellor-otto',
        name: 'Otto Visser',
        introduction: 'Vertrouwenspersoon en mediator.',
        kind: 'external',
        roles: both,
        languages: ['nl', 'de'],
        gender: 'male',
        regions: ['groningen', 'drenthe'],
        specialisms: ['mediation'],
        capacityCases: 6,
        capacityHoursPerWeek: 8,
      },
    ],
    organisations: [
      {
        organisationId: DEMO_AGENCY_2_ORGANISATIONS['org-scheepswerf'],
        label: 'org-scheepswerf',
        name: 'Scheepswerf Eemshaven',
        intakeCode: 'scheepswerf-2026',
        kvkNumber: '02444555',
        vatId: 'NL844455566B01',
        sbiCode: '3011',
        headcount: 230,
        regions: ['groningen'],
        languages: ['nl', 'en'],
        appoint: 'matching',
      },
    ],
  },
];

/** The internal counsellor of Zorggroep Het Baken, onboarded once the organisation exists. */
export const DEMO_INTERNAL_COUNSELLOR: DemoCounsellor = {
  counsellorId: '8ec858b9-c2ac-4d5f-8492-2222009e26f0',
  username: 'counsellor-iris',
  name: 'Iris Bakker',
  introduction: 'Interne vertrouwenspersoon van Zorggroep Het Baken, verpleegkundige op locatie Ede.',
  kind: 'internal',
  organisationId: DEMO_ORGANISATIONS['org-zorggroep'],
  roles: ['unwanted-behaviour'],
  languages: ['nl'],
  gender: 'female',
  regions: ['gelderland'],
  specialisms: ['healthcare'],
  capacityCases: 4,
  capacityHoursPerWeek: 4,
};
