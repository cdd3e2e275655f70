import request from 'supertest';
import { eventually } from '@vertrouwd/testing';
import { MATCHING_DIRECTORY, type MatchingDirectory } from '../src/application/ports/directory.port';
import { day, makeTargets, setUpAgency, startMatching, streamsOf, type MatchingHarness } from './matching-agencies.fixture';

// Dated headcounts and client-chosen absence ids over HTTP: a headcount dated ahead is scheduled, not applied, and a
// correction before it is taken; a day absurdly far ahead is a 400 at the edge. An absence id replayed with the same
// body answers as before; with another body it is 409 and nothing is written.

const [T] = makeTargets();

describe('matching: dated headcounts and absence ids', () => {
  let h: MatchingHarness;
  const api = () => request(h.service.url);
  const base = `/agencies/${T.agencyId}`;
  const org = `${base}/organisations/${T.organisationId}`;

  beforeAll(async () => {
    h = await startMatching('matching-dated');
    await setUpAgency(h, T);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('schedules a headcount dated ahead: today the one in force counts, the Wbk duty included', async () => {
    const coordinator = await h.bearer(T.coordinator);
    // Registered today with 120; corrected to 40 from today, then 60 scheduled from a month ahead.
    await api()
      .post(`${org}/headcount`)
      .set('Authorization', coordinator)
      .send({ headcount: 40, from: day(0) })
      .expect(204);
    await api()
      .post(`${org}/headcount`)
      .set('Authorization', coordinator)
      .send({ headcount: 60, from: day(30) })
      .expect(204);
    // The organisation's row and its history are projected apart: waited for as a whole.
    await eventually(async () => {
      const r = await api().get(org).set('Authorization', coordinator).expect(200);
      expect(r.body).toMatchObject({
        headcount: 40,
        headcountFrom: day(0),
        wbkObliged: false,
        pendingBillObliged: true,
        scheduledHeadcounts: [{ from: day(30), headcount: 60 }],
        headcountHistory: [
          { from: day(0), headcount: 40 },
          { from: day(30), headcount: 60 },
        ],
      });
    });
    const listed = await api().get(`${base}/organisations`).set('Authorization', coordinator).expect(200);
    expect(listed.body.organisations[0]).toMatchObject({ headcount: 40, wbkObliged: false });
  });

  it('takes a correction dated before the scheduled change, which stays scheduled', async () => {
    const coordinator = await h.bearer(T.coordinator);
    await api()
      .post(`${org}/headcount`)
      .set('Authorization', coordinator)
      .send({ headcount: 45, from: day(10) })
      .expect(204);
    await eventually(async () => {
      const r = await api().get(org).set('Authorization', coordinator).expect(200);
      expect(r.body).toMatchObject({
        headcount: 40,
        scheduledHeadcounts: [
          { from: day(10), headcount: 45 },
          { from: day(30), headcount: 60 },
        ],
      });
    });
  });

  it("weighs a counsellor's load for an appointment proposal by the headcount in force, not one scheduled", async () => {
    // In force today 40 (from the first test); 45 scheduled from day 10 and 60 from day 30. The organisation is the
    // first two counsellors' (primary and substitute).
    const directory = h.service.app.get<MatchingDirectory>(MATCHING_DIRECTORY);
    const [primary, substitute] = T.counsellors.map((c) => c.counsellorId);
    const loadOn = async (on: string) => {
      const load = await directory.appointedLoad(T.agencyId, on);
      return [load.get(primary), load.get(substitute)];
    };
    expect(await loadOn(day(0))).toEqual([
      { organisations: 1, headcount: 40 },
      { organisations: 1, headcount: 40 },
    ]);
    expect((await loadOn(day(10)))[0]).toEqual({ organisations: 1, headcount: 45 });
    expect((await loadOn(day(30)))[0]).toEqual({ organisations: 1, headcount: 60 });
  });

  it('refuses a day more than a year ahead at the edge, naming `from` and the rule, and writes nothing', async () => {
    const coordinator = await h.bearer(T.coordinator);
    const before = await streamsOf(h, T);
    for (const from of [day(366), '9999-12-31']) {
      const r = await api().post(`${org}/headcount`).set('Authorization', coordinator).send({ headcount: 70, from });
      expect(r.status).toBe(400);
      expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(r.body.errors).toEqual([expect.objectContaining({ field: 'from', rule: 'maxDaysAhead' })]);
      expect(JSON.stringify(r.body)).not.toContain(from);
    }
    const registered = await api()
      .post(`${base}/organisations`)
      .set('Authorization', coordinator)
      .send({
        name: 'Verre toekomst',
        intakeCode: 'verre-toekomst',
        kvkNumber: '30999888',
        sbiCode: '6201',
        regions: [T.region],
        languages: ['nl'],
        headcount: 12,
        headcountFrom: '9999-12-31',
      });
    expect([registered.status, registered.body.errors]).toEqual([
      400,
      [expect.objectContaining({ field: 'headcountFrom', rule: 'maxDaysAhead' })],
    ]);
    expect(await streamsOf(h, T)).toEqual(before);
  });

  it('answers the same absence under the same id again as before, and refuses that id for other days (409, nothing written)', async () => {
    const coordinator = await h.bearer(T.coordinator);
    const [primary, substitute] = T.counsellors;
    const absences = `${base}/counsellors/${substitute.counsellorId}/absences`;
    const same = { absenceId: T.absenceId, from: day(7), until: day(11), substituteId: primary.counsellorId };
    const before = await streamsOf(h, T);

    const replay = await api().post(absences).set('Authorization', coordinator).send(same).expect(201);
    expect(replay.body).toEqual({ absenceId: T.absenceId });

    for (const other of [
      { ...same, from: day(8) },
      { ...same, until: day(20) },
      { ...same, substituteId: undefined },
    ]) {
      const r = await api().post(absences).set('Authorization', coordinator).send(other);
      expect([r.status, r.body.rule]).toEqual([409, 'AbsenceIdTakenError']);
      expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(r.body.detail).toMatch(/absenceId is already used for another absence/);
      expect(JSON.stringify(r.body)).not.toContain(day(8));
    }
    expect(await streamsOf(h, T)).toEqual(before);
    const shown = await api().get(`${base}/counsellors/${substitute.counsellorId}`).set('Authorization', coordinator).expect(200);
    expect(shown.body.absences).toEqual([expect.objectContaining({ absenceId: T.absenceId, from: day(7), until: day(11) })]);
  });
});
