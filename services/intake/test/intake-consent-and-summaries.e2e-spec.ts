import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { ConsentConfirmedV1, ConsentGivenV1, ConsentWithdrawnV1, SummaryApprovedV1, topicOf } from '@vertrouwd/contracts';
import { caseKey } from '@vertrouwd/privacy';
import { eventually } from '@vertrouwd/testing';
import { sealedCase } from './case-events.fixture';
import { caseEvent, startIntake, type IntakeUnderTest } from './intake-service.fixture';

// Issue 8, defect 6: consent is the reporter's (given, confirmed, withdrawn through their receipt, per step and
// target, visible to them, with any legal duty that overrode it); defect 9: a summary has versions, each answered,
// an answer to an earlier one refused once a newer one was shared (before: one answer per summary, ever).

describe('the reporter\u2019s consents and versions of summaries', () => {
  let intake: IntakeUnderTest;
  const seen: string[] = [];
  let observer: { stop(): Promise<void> };
  beforeAll(async () => {
    intake = await startIntake('intake_consent');
    observer = intake.service.platform.bus.consume({
      group: 'e2e-consents',
      topics: [ConsentGivenV1, ConsentConfirmedV1, ConsentWithdrawnV1, SummaryApprovedV1].map(topicOf),
      handle: async (m) => void seen.push(m.value),
    });
  });
  afterAll(async () => {
    await observer?.stop();
    await intake?.stop();
  });
  const published = (caseId: string, type: string) =>
    seen
      .map((v) => JSON.parse(v) as { type: string; payload: Record<string, unknown> })
      .filter((e) => e.type === type && e.payload.caseId === caseId);

  it('gives, lists and withdraws the reporter\u2019s own consent, per target, each step on the bus', async () => {
    const { caseId, auth } = await intake.reporter();
    const url = `/intake/cases/${caseId}/consents`;
    const given = await request(intake.service.url)
      .post(url)
      .set('Authorization', auth)
      .send({ scope: 'referral', referralType: 'police' })
      .expect(201);
    await request(intake.service.url).post(url).set('Authorization', auth).send({ scope: 'formal-report' }).expect(201);
    // A referral names its target; a formal report none; an unknown target is not one.
    await request(intake.service.url).post(url).set('Authorization', auth).send({ scope: 'referral' }).expect(400);
    await request(intake.service.url)
      .post(url)
      .set('Authorization', auth)
      .send({ scope: 'referral', referralType: 'neighbour' })
      .expect(400);
    await request(intake.service.url).post(url).set('Authorization', auth).send({ scope: 'formal-report', referralType: 'hr' }).expect(422);

    const list = await request(intake.service.url).get(url).set('Authorization', auth).expect(200);
    expect(list.body.consents).toEqual([
      expect.objectContaining({
        consentId: given.body.consentId,
        scope: 'referral',
        referralType: 'police',
        recordedBy: 'reporter',
        status: 'given',
      }),
      expect.objectContaining({ scope: 'formal-report', referralType: null, recordedBy: 'reporter', status: 'given' }),
    ]);

    await request(intake.service.url).post(`${url}/${given.body.consentId}/withdrawal`).set('Authorization', auth).expect(204);
    await request(intake.service.url).post(`${url}/${given.body.consentId}/withdrawal`).set('Authorization', auth).expect(409);
    await request(intake.service.url).post(`${url}/${randomUUID()}/withdrawal`).set('Authorization', auth).expect(404);
    const after = await request(intake.service.url).get(url).set('Authorization', auth).expect(200);
    expect(after.body.consents[0]).toMatchObject({ status: 'withdrawn', withdrawnAt: expect.any(String) });

    await eventually(() => expect(published(caseId, 'intake.consent-withdrawn')).toHaveLength(1));
    expect(published(caseId, 'intake.consent-given').map((e) => e.payload)).toEqual([
      expect.objectContaining({ consentId: given.body.consentId, scope: 'referral', referralType: 'police' }),
      expect.not.objectContaining({ referralType: expect.anything() }),
    ]);
  });

  it('shows a consent the advisor recorded as awaiting confirmation; the reporter confirms it once, or withdraws it', async () => {
    const { caseId, auth } = await intake.reporter();
    const { publish, consentId } = await sealedCase(intake.service.platform.privacy.sealer, caseId);
    await intake.publishCaseEvents(publish);
    const url = `/intake/cases/${caseId}/consents`;
    const before = await request(intake.service.url).get(url).set('Authorization', auth).expect(200);
    expect(before.body.consents).toEqual([
      expect.objectContaining({
        consentId,
        recordedBy: 'advisor',
        scope: 'referral',
        referralType: 'hr',
        status: 'awaiting-your-confirmation',
      }),
    ]);
    await request(intake.service.url).post(`${url}/${consentId}/confirmation`).set('Authorization', auth).expect(204);
    await request(intake.service.url).post(`${url}/${consentId}/confirmation`).set('Authorization', auth).expect(409);
    const confirmed = await request(intake.service.url).get(url).set('Authorization', auth).expect(200);
    expect(confirmed.body.consents[0]).toMatchObject({ consentId, status: 'given' });
    await request(intake.service.url).post(`${url}/${consentId}/withdrawal`).set('Authorization', auth).expect(204);
    await request(intake.service.url).post(`${url}/${consentId}/confirmation`).set('Authorization', auth).expect(409);
    await eventually(() => expect(published(caseId, 'intake.consent-confirmed')).toHaveLength(1));
  });

  it('refuses to confirm or withdraw a consent recorded on another case (404)', async () => {
    const mine = await intake.reporter();
    const theirs = await intake.reporter();
    const { publish, consentId } = await sealedCase(intake.service.platform.privacy.sealer, theirs.caseId);
    await intake.publishCaseEvents(publish);
    for (const step of ['confirmation', 'withdrawal']) {
      await request(intake.service.url)
        .post(`/intake/cases/${mine.caseId}/consents/${consentId}/${step}`)
        .set('Authorization', mine.auth)
        .expect(404);
    }
  });

  it('shows a legal duty that overrode consent, with the reason and the advisor\u2019s explanation', async () => {
    const { caseId, auth } = await intake.reporter();
    const sealer = intake.service.platform.privacy.sealer;
    const dutyId = randomUUID();
    await intake.publishCaseEvents([
      caseEvent('case.legal-duty-invoked', caseId, {
        dutyId,
        reason: 'crime-art-160-sv',
        scope: 'referral',
        referralType: 'police',
        invokedAt: new Date().toISOString(),
        sealedExplanation: await sealer.seal('A threat to kill was made.', caseKey(caseId)),
      }),
    ]);
    const list = await request(intake.service.url).get(`/intake/cases/${caseId}/consents`).set('Authorization', auth).expect(200);
    expect(list.body.legalDuties).toEqual([
      expect.objectContaining({
        dutyId,
        reason: 'crime-art-160-sv',
        scope: 'referral',
        referralType: 'police',
        explanation: 'A threat to kill was made.',
      }),
    ]);
  });

  it('answers each version of a summary: corrects version 1, approves version 2, refuses version 1 after it (409); both versions shown', async () => {
    const { caseId, auth } = await intake.reporter();
    const sealer = intake.service.platform.privacy.sealer;
    const { publish, summaryId } = await sealedCase(sealer, caseId);
    await intake.publishCaseEvents(publish);
    const url = `/intake/cases/${caseId}/summaries/${summaryId}`;
    await request(intake.service.url)
      .post(`${url}/correction`)
      .set('Authorization', auth)
      .send({ correction: 'It was Tuesday.', version: 1 })
      .expect(204);
    await intake.publishCaseEvents([
      caseEvent('case.summary-shared', caseId, {
        summaryId,
        version: 2,
        sharedAt: new Date(Date.now() + 1000).toISOString(),
        sealedSummary: await sealer.seal('We talked on Tuesday.', caseKey(caseId)),
      }),
    ]);
    await request(intake.service.url).post(`${url}/approval`).set('Authorization', auth).send({ version: 1 }).expect(409);
    await request(intake.service.url)
      .post(`${url}/correction`)
      .set('Authorization', auth)
      .send({ correction: 'x', version: 1 })
      .expect(409);
    await request(intake.service.url).post(`${url}/approval`).set('Authorization', auth).send({ version: 3 }).expect(404);
    await request(intake.service.url).post(`${url}/approval`).set('Authorization', auth).send({ version: 2 }).expect(204);
    await request(intake.service.url).post(`${url}/approval`).set('Authorization', auth).send({ version: 2 }).expect(422);

    const { body } = await request(intake.service.url).get(`/intake/cases/${caseId}/summaries`).set('Authorization', auth).expect(200);
    expect(body.summaries).toEqual([
      expect.objectContaining({
        summaryId,
        version: 2,
        answer: 'approved',
        text: 'We talked on Tuesday.',
        approvedVersion: 2,
        versions: [
          expect.objectContaining({ version: 1, answer: 'corrected', text: 'We talked on Monday.' }),
          expect.objectContaining({ version: 2, answer: 'approved', text: 'We talked on Tuesday.' }),
        ],
      }),
    ]);
    await eventually(() => expect(published(caseId, 'intake.summary-approved').map((e) => e.payload.version)).toEqual([2]));
  });
});
