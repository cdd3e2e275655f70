import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DEMO_AGENCY_ID } from '@vertrouwd/auth';
import { ReportSubmittedV1, topicOf, type IntegrationEvent } from '@vertrouwd/contracts';
import { eventually } from '@vertrouwd/testing';
import { DirectoryListener } from '../src/infrastructure/directory.listener';
import {
  agencyStatusChanged,
  ANNA,
  BRAM,
  counsellorPublished,
  organisationPublished,
  publish,
  type CounsellorFacts,
  type OrganisationFacts,
} from './directory.fixture';
import { REPORT, startIntake, type IntakeUnderTest } from './intake-service.fixture';

// The intake page as matching's directory events make it: the organisation by its intake code, its counsellors by
// name, and nothing else. Each test has an agency, organisation and counsellors of its own.

describe("the intake page from matching's directory", () => {
  let intake: IntakeUnderTest;
  beforeAll(async () => (intake = await startIntake('intake_directory')));
  afterAll(() => intake?.stop());

  const sealer = () => intake.service.platform.privacy.sealer;
  const page = (code: string) => request(intake.service.url).get(`/intake/${code}`);
  const submit = (code: string, body: object) => request(intake.service.url).post(`/intake/${code}/reports`).send(body);

  /** Publishes directory events, in the order given, and waits until intake has applied them. */
  async function given(...events: (IntegrationEvent | Promise<IntegrationEvent>)[]): Promise<void> {
    await publish(intake.service, await Promise.all(events.map((e) => Promise.resolve(e))));
    await eventually(() => intake.service.app.get(DirectoryListener).caughtUp());
  }
  const counsellor = (facts: Partial<CounsellorFacts> & Pick<CounsellorFacts, 'counsellorId' | 'name'>) =>
    counsellorPublished(sealer(), { gender: 'female', languages: ['nl'], ...facts });
  const organisation = (facts: OrganisationFacts) => organisationPublished(sealer(), facts);

  function tenant() {
    const agencyId = randomUUID();
    const code = `org-${randomUUID().slice(0, 8)}`;
    const org: OrganisationFacts = { organisationId: randomUUID(), agencyId, name: 'Drukkerij Het Anker', intakeCode: code };
    return { agencyId, code, org, primary: randomUUID(), substitute: randomUUID(), internal: randomUUID() };
  }

  it('lists the primary, the substitute and the internal counsellors by name, with introduction, kind, gender and languages', async () => {
    const t = tenant();
    await given(
      counsellor({ counsellorId: t.primary, agencyId: t.agencyId, name: 'Fleur de Wit', introduction: 'Ik ben er voor je.' }),
      counsellor({ counsellorId: t.substitute, agencyId: t.agencyId, name: 'Gijs Smit', gender: 'male', languages: ['nl', 'tr'] }),
      counsellor({
        counsellorId: t.internal,
        agencyId: t.agencyId,
        name: 'Hanna Bos',
        kind: 'internal',
        organisationId: t.org.organisationId,
        gender: 'non-binary',
      }),
      organisation({ ...t.org, primaryCounsellorId: t.primary, substituteCounsellorId: t.substitute, internalCounsellorIds: [t.internal] }),
    );
    const { body } = await page(t.code).query({ lang: 'en' }).expect(200);
    expect(body.organisation).toEqual({ name: 'Drukkerij Het Anker', languages: ['nl', 'en'] });
    expect(body.counsellors).toEqual([
      {
        counsellorId: t.primary,
        name: 'Fleur de Wit',
        introduction: 'Ik ben er voor je.',
        kind: 'external',
        kindLabel: expect.any(String),
        gender: 'female',
        languages: ['nl'],
      },
      {
        counsellorId: t.substitute,
        name: 'Gijs Smit',
        kind: 'external',
        kindLabel: expect.any(String),
        gender: 'male',
        languages: ['nl', 'tr'],
      },
      {
        counsellorId: t.internal,
        name: 'Hanna Bos',
        kind: 'internal',
        kindLabel: expect.any(String),
        gender: 'non-binary',
        languages: ['nl'],
      },
    ]);
    expect(body.counsellors[0].kindLabel).not.toBe(body.counsellors[2].kindLabel);
  });

  it('keeps the highest version of an organisation and of a counsellor, whatever order they arrive in', async () => {
    const t = tenant();
    await given(
      counsellor({ counsellorId: t.primary, agencyId: t.agencyId, name: 'Naam versie 3', version: 3 }),
      counsellor({ counsellorId: t.primary, agencyId: t.agencyId, name: 'Naam versie 2', version: 2 }),
      organisation({ ...t.org, name: 'Versie 2', version: 2, primaryCounsellorId: t.primary }),
      organisation({ ...t.org, name: 'Versie 1', version: 1 }),
    );
    const { body } = await page(t.code).expect(200);
    expect(body.organisation.name).toBe('Versie 2');
    expect(body.counsellors.map((c: { name: string }) => c.name)).toEqual(['Naam versie 3']);
  });

  it('moves the page with a changed intake code: the old code is unknown', async () => {
    const t = tenant();
    const moved = `${t.code}-nieuw`;
    await given(organisation({ ...t.org, version: 1 }), organisation({ ...t.org, intakeCode: moved, version: 2 }));
    await page(t.code).expect(404);
    expect((await page(moved).expect(200)).body.organisation.name).toBe('Drukkerij Het Anker');
    await submit(t.code, REPORT).expect(404);
  });

  it('gives an organisation of a suspended agency no page and takes no report, until the agency is reinstated', async () => {
    const t = tenant();
    await given(organisation(t.org), agencyStatusChanged(t.agencyId, 'suspended'));
    const unknown = await page('nobody-2026').expect(404);
    const suspended = await page(t.code).expect(404);
    expect(suspended.body.detail).toBe(unknown.body.detail); // like an unknown code: nothing tells it exists
    await submit(t.code, REPORT).expect(404);

    // A reinstatement delivered before an older suspension: the later change stands.
    const now = Date.now();
    await given(
      agencyStatusChanged(t.agencyId, 'active', new Date(now + 2000)),
      agencyStatusChanged(t.agencyId, 'suspended', new Date(now + 1000)),
    );
    await page(t.code).expect(200);
    await submit(t.code, REPORT).expect(201);
  });

  it('has no page for an inactive organisation', async () => {
    const t = tenant();
    await given(organisation(t.org), organisation({ ...t.org, version: 2, status: 'inactive' }));
    await page(t.code).expect(404);
  });

  it('drops a counsellor who became inactive, and one of another agency', async () => {
    const t = tenant();
    await given(
      counsellor({ counsellorId: t.primary, agencyId: t.agencyId, name: 'Blijft' }),
      counsellor({ counsellorId: t.substitute, agencyId: t.agencyId, name: 'Vertrekt' }),
      counsellor({ counsellorId: t.internal, agencyId: randomUUID(), name: 'Ander bureau' }),
      organisation({ ...t.org, primaryCounsellorId: t.primary, substituteCounsellorId: t.substitute, internalCounsellorIds: [t.internal] }),
    );
    expect((await page(t.code).expect(200)).body.counsellors).toHaveLength(2);
    await given(counsellor({ counsellorId: t.substitute, agencyId: t.agencyId, name: 'Vertrekt', version: 2, status: 'inactive' }));
    expect((await page(t.code).expect(200)).body.counsellors.map((c: { name: string }) => c.name)).toEqual(['Blijft']);
  });

  it("omits a counsellor whose name was erased, and one whose name is another record's", async () => {
    const t = tenant();
    const borrowed = await counsellor({ counsellorId: t.substitute, agencyId: t.agencyId, name: 'Geleende naam' });
    const primaryEvent = await counsellor({ counsellorId: t.primary, agencyId: t.agencyId, name: 'Wordt gewist' });
    // The internal counsellor's event carries a name sealed under the substitute's key: it reads as nobody's.
    const internalEvent = await counsellor({ counsellorId: t.internal, agencyId: t.agencyId, name: 'x' });
    (internalEvent.payload as { sealedName: string }).sealedName = (borrowed.payload as { sealedName: string }).sealedName;
    await given(
      primaryEvent,
      internalEvent,
      organisation({ ...t.org, primaryCounsellorId: t.primary, internalCounsellorIds: [t.internal] }),
    );
    expect((await page(t.code).expect(200)).body.counsellors).toEqual([expect.objectContaining({ name: 'Wordt gewist' })]);

    await intake.service.platform.privacy.vault.shredCase(`directory:counsellor:${t.primary}`);
    await eventually(async () => expect((await page(t.code).expect(200)).body.counsellors).toEqual([]));
  });

  describe('choosing a counsellor', () => {
    let seen: IntegrationEvent[];
    let stopObserver: () => Promise<void>;
    beforeAll(() => {
      seen = [];
      const consumer = intake.service.platform.bus.consume({
        group: 'e2e-directory-observer',
        topics: [topicOf(ReportSubmittedV1)],
        handle: async (m) => void seen.push(JSON.parse(m.value) as IntegrationEvent),
      });
      stopObserver = () => consumer.stop();
    });
    afterAll(() => stopObserver());

    const chosen = (counsellorId: string) => ({ ...REPORT, preferences: { counsellorId } });

    it("carries the reporter's choice of one of the page's counsellors into intake.report-submitted.v1", async () => {
      const { body } = await submit('bakkerij-2026', chosen(BRAM.counsellorId)).expect(201);
      const published = await eventually(() => {
        const event = seen.find((e) => (e.payload as { caseId: string }).caseId === body.caseId);
        if (!event) throw new Error('not on the bus yet');
        return event;
      });
      expect(published.payload).toMatchObject({ agencyId: DEMO_AGENCY_ID, preferredCounsellorId: BRAM.counsellorId });

      const { body: plain } = await submit('bakkerij-2026', REPORT).expect(201);
      const without = await eventually(() => {
        const event = seen.find((e) => (e.payload as { caseId: string }).caseId === plain.caseId);
        if (!event) throw new Error('not on the bus yet');
        return event;
      });
      expect(without.payload).not.toHaveProperty('preferredCounsellorId');
      expect(without.payload).not.toHaveProperty('site');
    });

    it("asks for the site among the organisation's own, and carries the answer into intake.report-submitted.v1", async () => {
      const t = tenant();
      await given(organisation({ ...t.org, regions: ['gelderland', 'friesland'] }));
      const { body: shown } = await page(t.code).expect(200);
      expect(shown.site).toEqual({
        question: 'Op welke vestiging werkt u?',
        hint: expect.stringContaining('Niet verplicht'),
        options: [
          { value: 'gelderland', label: 'Gelderland' },
          { value: 'friesland', label: 'Fryslân' },
        ],
      });
      const { body } = await submit(t.code, { ...REPORT, site: 'friesland' }).expect(201);
      const published = await eventually(() => {
        const event = seen.find((e) => (e.payload as { caseId: string }).caseId === body.caseId);
        if (!event) throw new Error('not on the bus yet');
        return event;
      });
      expect(published.payload).toMatchObject({ organisationId: t.org.organisationId, site: 'friesland' });

      // A province where the organisation has no site: 422 naming the field; not a province at all: 400.
      const elsewhere = await submit(t.code, { ...REPORT, site: 'zeeland' }).expect(422);
      expect(elsewhere.body.rule).toBe('SiteNotListedError');
      expect(elsewhere.body.detail).toContain('site');
      expect(elsewhere.text).not.toContain('zeeland');
      const nonsense = await submit(t.code, { ...REPORT, site: 'atlantis' }).expect(400);
      expect(nonsense.body.errors).toEqual([expect.objectContaining({ field: 'site', rule: 'isIn' })]);
      expect(nonsense.text).not.toContain('atlantis');
    });

    it('refuses a counsellor the page does not list, naming the field and not the value', async () => {
      // Anna serves the bakery, not the care group; an unknown id; an id that is no uuid.
      for (const counsellorId of [ANNA.counsellorId, randomUUID()]) {
        const refused = await submit('zorggroep-2026', chosen(counsellorId)).expect(422);
        expect(refused.headers['content-type']).toMatch(/problem\+json/);
        expect(refused.body.rule).toBe('ChosenCounsellorNotListedError');
        expect(refused.body.detail).toContain('preferences.counsellorId');
        expect(refused.text).not.toContain(counsellorId);
      }
      const malformed = await submit('zorggroep-2026', chosen('anna-please')).expect(400);
      expect(malformed.body.errors).toEqual([expect.objectContaining({ field: 'preferences.counsellorId' })]);
      expect(malformed.text).not.toContain('anna-please');
    });

    it('refuses a counsellor who is no longer listed', async () => {
      const t = tenant();
      await given(
        counsellor({ counsellorId: t.primary, agencyId: t.agencyId, name: 'Gaat weg' }),
        organisation({ ...t.org, primaryCounsellorId: t.primary }),
      );
      await submit(t.code, chosen(t.primary)).expect(201);
      await given(counsellor({ counsellorId: t.primary, agencyId: t.agencyId, name: 'Gaat weg', version: 2, status: 'inactive' }));
      await submit(t.code, chosen(t.primary)).expect(422);
    });
  });
});
