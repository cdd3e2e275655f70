import { amsterdamToday } from '@vertrouwd/domain';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import {
  DEMO_ADVISORS,
  DEMO_AGENCY_2_ADVISORS,
  DEMO_AGENCY_2_ID,
  DEMO_AGENCY_2_ORGANISATIONS,
  DEMO_AGENCY_ID,
  DEMO_ORGANISATIONS,
  startDevIssuer,
  type DevIssuer,
} from '@vertrouwd/auth';
import { PageVisitsCountedV1, ReportSubmittedV1 } from '@vertrouwd/contracts';
import { publishAs, toMessage } from '@vertrouwd/messaging';
import { startService, type RunningService } from '@vertrouwd/runtime';
import { createTestDatabase, eventually, type TestDatabase } from '@vertrouwd/testing';
import { matchingService } from '../src/service';

// Two real agencies in the matching service, made through its API as their admin and coordinators make them:
// agency-demo and agency-noord, each with counsellors (demo advisors and one account made at run time), an
// organisation, who serves it, an absence, a conflict of interest, an agreement, a workshop, and one report from
// intake matched. Every name and text is a recognisable canary ("Kanarie…"), so a test can assert that a refusal or
// another agency's list carries none of it.

export const ADMIN_SECRET = 'matching-matrix-admin-client-secret';
export const REPORTER_SECRET = 'matching-matrix-reporter-secret-of-at-least-32-bytes';

export interface TargetCounsellor {
  counsellorId: string;
  username: string;
  name: string;
  introduction: string;
  gender: 'female' | 'male';
}

/** One agency's directory as the tests made it. */
export interface Target {
  agency: 'agency-demo' | 'agency-noord';
  agencyId: string;
  agencyName: string;
  coordinator: string;
  auditor: string;
  employer: string;
  /** The demo advisors of the agency (their tokens carry its agency id and their counsellor id). */
  advisors: string[];
  /** Every counsellor, demo advisors first; the last is an account made at run time through the identity port. */
  counsellors: TargetCounsellor[];
  organisationId: string;
  organisationName: string;
  intakeCode: string;
  region: string;
  absenceId: string;
  conflictId: string;
  activityId: string;
  engagementDescription: string;
  caseId: string;
  /** Visits of the organisation's intake page on {@link VISIT_DAY}, as intake counts them. */
  pageVisits: number;
  /** What intake sealed in the report: nobody of matching ever reads it. */
  sealedText: string;
}

const counsellor = (counsellorId: string, username: string, name: string, gender: 'female' | 'male'): TargetCounsellor => ({
  counsellorId,
  username,
  name,
  introduction: `${name} luistert (kanarie-introductie).`,
  gender,
});

/** Fresh targets per suite: the run-time usernames and intake codes are unique within one dev issuer and database. */
export function makeTargets(): readonly [Target, Target] {
  return [
    {
      agency: 'agency-demo',
      agencyId: DEMO_AGENCY_ID,
      agencyName: 'Vertrouwenspunt Kanarie-Midden',
      coordinator: 'coordinator-carla',
      auditor: 'auditor-ada',
      employer: 'employer-erik',
      advisors: ['advisor-anna', 'advisor-bram'],
      counsellors: [
        counsellor(DEMO_ADVISORS['advisor-anna'], 'advisor-anna', 'Anna Kanariegeel', 'female'),
        counsellor(DEMO_ADVISORS['advisor-bram'], 'advisor-bram', 'Bram Kanarieblauw', 'male'),
        counsellor(randomUUID(), 'counsellor-merel', 'Merel Kanariegroen', 'female'),
      ],
      organisationId: DEMO_ORGANISATIONS['org-bakkerij'],
      organisationName: 'Bakkerij Kanarierood',
      intakeCode: 'kanarie-bakkerij',
      region: 'utrecht',
      absenceId: randomUUID(),
      conflictId: '',
      activityId: randomUUID(),
      engagementDescription: 'Workshop kanarie-paars voor leidinggevenden',
      caseId: randomUUID(),
      pageVisits: 37,
      sealedText: 'kanarie-melding midden',
    },
    {
      agency: 'agency-noord',
      agencyId: DEMO_AGENCY_2_ID,
      agencyName: 'Vertrouwenspersonen Kanarie-Noord',
      coordinator: 'coordinator-noor',
      auditor: 'auditor-nadia',
      employer: 'employer-niels',
      advisors: ['advisor-nina'],
      counsellors: [
        counsellor(DEMO_AGENCY_2_ADVISORS['advisor-nina'], 'advisor-nina', 'Nina Kanariezwart', 'female'),
        counsellor(randomUUID(), 'counsellor-otto', 'Otto Kanariewit', 'male'),
      ],
      organisationId: DEMO_AGENCY_2_ORGANISATIONS['org-scheepswerf'],
      organisationName: 'Scheepswerf Kanarieoranje',
      intakeCode: 'kanarie-scheepswerf',
      region: 'groningen',
      absenceId: randomUUID(),
      conflictId: '',
      activityId: randomUUID(),
      engagementDescription: 'Presentatie kanarie-turkoois voor de ondernemingsraad',
      caseId: randomUUID(),
      pageVisits: 41,
      sealedText: 'kanarie-melding noord',
    },
  ];
}

/** Every id, name and text of a target: what no refusal, and no list of the other agency, may contain. */
export function secretsOf(t: Target): string[] {
  return [
    t.agencyId,
    t.agencyName,
    t.organisationId,
    t.organisationName,
    t.intakeCode,
    t.absenceId,
    t.conflictId,
    t.activityId,
    t.engagementDescription,
    t.caseId,
    t.sealedText,
    ...t.counsellors.flatMap((c) => [c.counsellorId, c.name, c.introduction]),
    ...t.counsellors.filter((c) => !c.username.startsWith('advisor-')).map((c) => c.username),
  ].filter(Boolean);
}

export const day = (offsetDays: number) => amsterdamToday(offsetDays);

export function onboardBody(c: Pick<TargetCounsellor, 'counsellorId' | 'username' | 'name' | 'introduction' | 'gender'>, region: string) {
  return {
    counsellorId: c.counsellorId,
    username: c.username,
    email: `${c.username}@matching-test.example`,
    ...profileBody(c, region),
  };
}

export function profileBody(c: Pick<TargetCounsellor, 'name' | 'introduction' | 'gender'>, region: string) {
  return {
    name: c.name,
    introduction: c.introduction,
    kind: 'external',
    roles: ['unwanted-behaviour', 'integrity'],
    languages: ['nl', 'en'],
    gender: c.gender,
    regions: [region],
    specialisms: ['bullying'],
    capacityCases: 10,
    capacityHoursPerWeek: 16,
  };
}

export function detailsBody(t: Pick<Target, 'organisationName' | 'intakeCode' | 'region'>, kvkNumber = '30111222') {
  return {
    name: t.organisationName,
    intakeCode: t.intakeCode,
    kvkNumber,
    vatId: 'NL811122233B01',
    sbiCode: '1071',
    regions: [t.region],
    languages: ['nl', 'en'],
  };
}

export const AGREEMENT = {
  tasks: ['reception-and-advice', 'support-and-guidance', 'referral', 'aftercare', 'prevention', 'annual-report'],
  powers: ['speak-to-anyone-with-consent', 'consult-external-experts'],
  recorded: ['contact-log', 'anonymised-statistics', 'hours'],
  termFrom: day(-30),
  reportsToOrganisation: 'annual',
  signedOn: day(-31),
};

export interface MatchingHarness {
  issuer: DevIssuer;
  db: TestDatabase;
  service: RunningService;
  /** `Bearer <token>` of a demo user or an account made at run time. */
  bearer(username: string): Promise<string>;
  close(): Promise<void>;
}

/** The matching service as matching.e2e-spec.ts starts it: a dev issuer with an admin client and a users file. */
export async function startMatching(name: string): Promise<MatchingHarness> {
  const dir = mkdtempSync(join(tmpdir(), `${name}-`));
  const issuer = await startDevIssuer({ port: 0, adminClientSecret: ADMIN_SECRET, usersFile: join(dir, 'users.json') });
  const db = await createTestDatabase(name.replace(/-/g, '_'));
  const env = {
    DATABASE_URL: db.url,
    OIDC_ISSUER: issuer.issuer,
    IDENTITY_ADMIN_CLIENT_SECRET: ADMIN_SECRET,
    IDENTITY_ADMIN_PASSWORD_EMAIL: 'off',
    REPORTER_TOKEN_SECRET: REPORTER_SECRET,
    VERTROUWD_DATA_DIR: dir,
    PORT: '0',
  };
  const service = await startService({ ...matchingService, logger: false }, env);
  return {
    issuer,
    db,
    service,
    bearer: async (username) => `Bearer ${await issuer.mintToken(username)}`,
    close: async () => {
      await service.close();
      await issuer.stop();
      await db.drop();
    },
  };
}

/**
 * Makes a target's agency through the API: the admin registers it and appoints its coordinator; the coordinator
 * onboards the counsellors and the organisation, appoints the first two counsellors, records an absence of the
 * second (stand-in: the first), a conflict of the last with the organisation, an agreement and a workshop.
 */
export async function setUpAgency(h: MatchingHarness, t: Target): Promise<void> {
  const api = () => request(h.service.url);
  const admin = await h.bearer('admin-adam');
  await api()
    .post('/platform/agencies')
    .set('Authorization', admin)
    .send({ agencyId: t.agencyId, name: t.agencyName, poolMatching: true, languages: ['nl', 'en'] })
    .expect(201);
  await api()
    .post(`/platform/agencies/${t.agencyId}/coordinators`)
    .set('Authorization', admin)
    .send({ username: t.coordinator, email: `${t.coordinator}@matching-test.example` })
    .expect(201);
  const coordinator = await h.bearer(t.coordinator);
  const base = `/agencies/${t.agencyId}`;
  for (const c of t.counsellors) {
    await api().post(`${base}/counsellors`).set('Authorization', coordinator).send(onboardBody(c, t.region)).expect(201);
  }
  await api()
    .post(`${base}/organisations`)
    .set('Authorization', coordinator)
    .send({ organisationId: t.organisationId, ...detailsBody(t), headcount: 120 })
    .expect(201);
  const [primary, substitute] = t.counsellors;
  const last = t.counsellors[t.counsellors.length - 1];
  // The appointment checks the directory's read model: it may take a moment to know the new counsellors.
  await eventually(() =>
    api()
      .put(`${base}/organisations/${t.organisationId}/appointment`)
      .set('Authorization', coordinator)
      .send({ primaryId: primary.counsellorId, substituteId: substitute.counsellorId, internalIds: [] })
      .expect(204),
  );
  await eventually(() =>
    api()
      .post(`${base}/counsellors/${substitute.counsellorId}/absences`)
      .set('Authorization', coordinator)
      .send({ absenceId: t.absenceId, from: day(7), until: day(11), substituteId: primary.counsellorId })
      .expect(201),
  );
  const conflict = await eventually(() =>
    api()
      .post(`${base}/counsellors/${last.counsellorId}/conflicts`)
      .set('Authorization', coordinator)
      .send({ organisationId: t.organisationId })
      .expect(201),
  );
  t.conflictId = conflict.body.conflictId as string;
  await api().post(`${base}/organisations/${t.organisationId}/agreements`).set('Authorization', coordinator).send(AGREEMENT).expect(201);
  await eventually(() =>
    api()
      .post(`${base}/organisations/${t.organisationId}/engagements`)
      .set('Authorization', coordinator)
      .send({
        activityId: t.activityId,
        counsellorId: primary.counsellorId,
        kind: 'workshop',
        on: day(-7),
        minutes: 90,
        description: t.engagementDescription,
      })
      .expect(201),
  );
}

/** Intake's event for a new report to the target's organisation; waits until matching's decision can be read. */
export async function reportAndAwaitMatch(h: MatchingHarness, t: Target): Promise<void> {
  const sealedAccount = await h.service.platform.privacy.sealer.seal(t.sealedText, { scope: 'case', caseRef: t.caseId });
  const event = {
    eventId: randomUUID(),
    type: ReportSubmittedV1.type,
    version: ReportSubmittedV1.version,
    occurredAt: new Date().toISOString(),
    key: t.caseId,
    correlationId: randomUUID(),
    causationId: randomUUID(),
    payload: {
      caseId: t.caseId,
      agencyId: t.agencyId,
      organisationId: t.organisationId,
      theme: 'bullying',
      relation: 'manager',
      anonymity: 'anonymous',
      contactChannel: 'platform',
      language: 'nl',
      preferredAdvisorGender: 'any',
      preferredAdvisorKind: 'any',
      consentVersion: 'v1',
      receivedAt: new Date().toISOString(),
      sealedAccount,
    },
  };
  h.service.platform.contracts.validate(event);
  await h.service.platform.bus.publish([toMessage(event)]);
  const coordinator = await h.bearer(t.coordinator);
  await eventually(async () => {
    const { body } = await request(h.service.url)
      .get(`/agencies/${t.agencyId}/matches/${t.caseId}`)
      .set('Authorization', coordinator)
      .expect(200);
    expect(body.rounds[0]).toMatchObject({ outcome: 'matched', counsellorId: t.counsellors[0].counsellorId });
  });
}

export const VISIT_DAY = day(-1);

/** Intake's count of the organisation's page visits; waits until the coordinator can read it. */
export async function countPageVisits(h: MatchingHarness, t: Target): Promise<void> {
  const { organisationId, agencyId, pageVisits: visits } = t;
  await publishAs(h.service.platform.bus, PageVisitsCountedV1, organisationId, { organisationId, agencyId, day: VISIT_DAY, visits });
  const coordinator = await h.bearer(t.coordinator);
  await eventually(async () => {
    const { body } = await request(h.service.url)
      .get(`/agencies/${agencyId}/organisations/${organisationId}/engagements`)
      .set('Authorization', coordinator)
      .expect(200);
    expect(body.pageVisits).toEqual([{ day: VISIT_DAY, visits }]);
  });
}

/** The target's event streams: the agency, each counsellor, the organisation, the case's matching. */
export async function streamsOf(h: MatchingHarness, t: Target) {
  const read = (stream: string) => h.service.platform.store.readStream(stream);
  return {
    agency: await read(`agency-${t.agencyId}`),
    counsellors: await Promise.all(t.counsellors.map((c) => read(`counsellor-${c.counsellorId}`))),
    organisation: await read(`organisation-${t.organisationId}`),
    match: await read(`match-${t.caseId}`),
  };
}
