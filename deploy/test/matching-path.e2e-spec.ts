import { amsterdamToday } from '@vertrouwd/domain';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DEMO_PASSWORD, startDevIssuer, WEB_CLIENT_ID, type DevIssuer } from '@vertrouwd/auth';
import { startService, type RunningService } from '@vertrouwd/runtime';
import { createTestDatabase, eventually, type TestDatabase } from '@vertrouwd/testing';
import { caseService } from '../../services/case/src/service';
import { intake } from '../../services/intake/src/service';
import { matchingService } from '../../services/matching/src/service';

// The issue's path across intake, case and matching on the embedded default, each over HTTP with its own database,
// one bus and one key vault: the admin creates an agency → its coordinator onboards counsellors and an organisation →
// the organisation's intake page shows them by name → a report is matched and assigned, with its explanation → the
// primary is marked absent → the next report goes to the substitute → the substitute declines for a conflict → the
// case is matched again and assigned to the pool's best.
describe('an agency from onboarding to its first matched cases, across matching, intake and case', () => {
  const ADMIN_SECRET = 'matching-path-identity-admin-secret';
  let issuer: DevIssuer;
  let dbs: TestDatabase[];
  let services: { intake: RunningService; cases: RunningService; matching: RunningService };
  const dataDir = mkdtempSync(join(tmpdir(), 'matching-path-'));

  async function signIn(username: string): Promise<string> {
    const response = await fetch(issuer.tokenEndpoint, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'password', client_id: WEB_CLIENT_ID, username, password: DEMO_PASSWORD }),
    });
    expect(response.status).toBe(200);
    return `Bearer ${((await response.json()) as { access_token: string }).access_token}`;
  }

  beforeAll(async () => {
    issuer = await startDevIssuer({ port: 0, adminClientSecret: ADMIN_SECRET, usersFile: join(dataDir, 'users.json') });
    dbs = await Promise.all(['intake', 'case', 'matching', 'bus', 'vault'].map((label) => createTestDatabase(`mpath_${label}`)));
    const common = {
      OIDC_ISSUER: issuer.issuer,
      BUS_DATABASE_URL: dbs[3].url,
      PRIVACY_DATABASE_URL: dbs[4].url,
      PORT: '0',
      REPORTER_TOKEN_SECRET: 'e2e-matching-path-secret-of-at-least-32-chars',
      IDENTITY_ADMIN_CLIENT_SECRET: ADMIN_SECRET,
      IDENTITY_ADMIN_PASSWORD_EMAIL: 'off',
      VERTROUWD_DATA_DIR: dataDir,
    };
    services = {
      intake: await startService({ ...intake, logger: false }, { ...common, DATABASE_URL: dbs[0].url }),
      cases: await startService({ ...caseService, logger: false }, { ...common, DATABASE_URL: dbs[1].url }),
      matching: await startService({ ...matchingService, logger: false }, { ...common, DATABASE_URL: dbs[2].url }),
    };
  });
  afterAll(async () => {
    for (const service of Object.values(services ?? {})) await service.close();
    await issuer?.stop();
    await Promise.all((dbs ?? []).map((db) => db.drop()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('onboards, shows the counsellors on the intake page, matches and assigns, follows an absence and a decline', async () => {
    const matching = () => request(services.matching.url);
    const admin = `Bearer ${await issuer.mintToken('admin-adam')}`;
    const { agencyId } = (
      await matching()
        .post('/platform/agencies')
        .set('Authorization', admin)
        .send({ name: 'Vertrouwenspunt Zuid', poolMatching: true, languages: ['nl'] })
        .expect(201)
    ).body as { agencyId: string };
    await matching()
      .post(`/platform/agencies/${agencyId}/coordinators`)
      .set('Authorization', admin)
      .send({ username: 'coordinator-zuid', email: 'c@zuid.example' })
      .expect(201);
    const coordinator = await signIn('coordinator-zuid');
    const base = `/agencies/${agencyId}`;
    const onboard = async (username: string, name: string, gender: string, regions: string[]) =>
      (
        await matching()
          .post(`${base}/counsellors`)
          .set('Authorization', coordinator)
          .send({
            username,
            email: `${username}@zuid.example`,
            name,
            introduction: `${name}: luistert, zonder oordeel.`,
            kind: 'external',
            roles: ['unwanted-behaviour', 'integrity'],
            languages: ['nl', 'en'],
            gender,
            regions,
            specialisms: ['bullying'],
            capacityCases: 5,
            capacityHoursPerWeek: 10,
          })
          .expect(201)
      ).body.counsellorId as string;
    const primary = await onboard('counsellor-petra', 'Petra Zuidema', 'female', ['limburg']);
    const substitute = await onboard('counsellor-sem', 'Sem Hendriks', 'male', ['limburg']);
    const pool = await onboard('counsellor-pim', 'Pim Claessens', 'non-binary', ['noord-brabant']);
    const { organisationId } = (
      await matching()
        .post(`${base}/organisations`)
        .set('Authorization', coordinator)
        .send({
          name: 'Mijnwerkersmuseum Heerlen',
          intakeCode: 'museum-heerlen',
          kvkNumber: '14000001',
          sbiCode: '9102',
          headcount: 64,
          regions: ['limburg'],
          languages: ['nl', 'en'],
        })
        .expect(201)
    ).body as { organisationId: string };
    await eventually(() =>
      matching()
        .put(`${base}/organisations/${organisationId}/appointment`)
        .set('Authorization', coordinator)
        .send({ primaryId: primary, substituteId: substitute, internalIds: [] })
        .expect(204),
    );

    // The intake page, fed from matching's events, shows the organisation's counsellors by name.
    const page = await eventually(async () => {
      const response = await request(services.intake.url).get('/intake/museum-heerlen?lang=en').expect(200);
      expect(JSON.stringify(response.body)).toContain('Sem Hendriks');
      return response.body as object;
    });
    expect(JSON.stringify(page)).toContain('Petra Zuidema');
    expect(JSON.stringify(page)).not.toContain('Pim Claessens'); // the pool is not the organisation's own

    const submit = async (key: string) =>
      (
        await request(services.intake.url)
          .post('/intake/museum-heerlen/reports')
          .set('Idempotency-Key', key)
          .send({
            theme: 'bullying',
            relation: 'colleague',
            anonymity: 'anonymous',
            language: 'nl',
            consentVersion: 'v1',
            account: 'Een collega kleineert mij dagelijks.',
            contact: { channel: 'platform' },
          })
          .expect(201)
      ).body.caseId as string;
    const assignedTo = (caseId: string, counsellorId: string) =>
      eventually(async () => {
        const { body } = await request(services.cases.url).get(`${base}/cases`).set('Authorization', coordinator).expect(200);
        expect(body.cases).toEqual(expect.arrayContaining([expect.objectContaining({ caseId, advisorId: counsellorId })]));
      });

    // A report → the primary, with the explanation the coordinator reads; she reads the case.
    const first = await submit('path-report-1');
    await assignedTo(first, primary);
    const why = await matching().get(`${base}/matches/${first}`).set('Authorization', coordinator).expect(200);
    expect(why.body.rounds).toEqual([expect.objectContaining({ tier: 'primary', counsellorId: primary })]);
    await request(services.cases.url)
      .get(`/cases/${first}`)
      .set('Authorization', await signIn('counsellor-petra'))
      .expect(200);

    // The primary is absent from today: the next report goes to the substitute.
    const today = amsterdamToday();
    await matching()
      .post(`${base}/counsellors/${primary}/absences`)
      .set('Authorization', coordinator)
      .send({ from: today, until: today })
      .expect(201);
    await eventually(async () => {
      const { body } = await matching().get(`${base}/counsellors/${primary}`).set('Authorization', coordinator).expect(200);
      expect(body.absences).toHaveLength(1);
    });
    const second = await submit('path-report-2');
    await assignedTo(second, substitute);

    // The substitute declines for a conflict with people in the case: matched again, to the pool, and assigned.
    const sem = await signIn('counsellor-sem');
    await request(services.cases.url)
      .post(`/cases/${second}/declination`)
      .set('Authorization', sem)
      .send({ conflictWith: 'people-in-case' })
      .expect(204);
    await request(services.cases.url).get(`/cases/${second}`).set('Authorization', sem).expect(404);
    await assignedTo(second, pool);
    const rounds = (await matching().get(`${base}/matches/${second}`).set('Authorization', coordinator).expect(200)).body
      .rounds as object[];
    expect(rounds).toEqual([
      expect.objectContaining({
        round: 1,
        tier: 'substitute',
        counsellorId: substitute,
        declined: expect.objectContaining({ conflictWith: 'people-in-case' }),
      }),
      expect.objectContaining({ round: 2, tier: 'pool', counsellorId: pool }),
    ]);
    // The decline is in Sem's conflict register, against the case, not against names (recorded as matching handles
    // the decline, which may land after the next round's assignment is visible).
    await eventually(async () => {
      const { body: semRecord } = await matching().get(`${base}/counsellors/${substitute}`).set('Authorization', coordinator).expect(200);
      expect(semRecord.conflicts).toEqual([expect.objectContaining({ caseId: second, organisationId: null })]);
    });
  });
});
