import { APPOINTMENT_WEIGHTS, proposeAppointment } from './appointment-proposal';
import { anna, bram, candidate, carla, dirk, organisationId } from './match.fixtures';

// Who matching proposes to serve an organisation: the hard rules, then the score; the coordinator decides.

const organisation = { organisationId, regions: ['utrecht' as const], languages: ['nl'], current: { internalIds: [] } };
const none = new Map<string, number>();

describe('proposeAppointment', () => {
  it('proposes the best as primary and the next as substitute', () => {
    const local = candidate(anna, { regions: ['utrecht'] });
    const proposal = proposeAppointment(organisation, [candidate(bram, { gender: 'male' }), local], none);
    expect(proposal.appointment).toEqual({ primaryId: anna, substituteId: bram });
    expect(proposal.scores).toEqual([
      { counsellorId: bram, score: APPOINTMENT_WEIGHTS.languagePerWorkforceLanguage },
      { counsellorId: anna, score: APPOINTMENT_WEIGHTS.languagePerWorkforceLanguage + APPOINTMENT_WEIGHTS.region },
    ]);
  });

  it('leaves out the inactive, internal, conflicted, and those who speak none of the workforce languages', () => {
    const proposal = proposeAppointment(
      organisation,
      [
        candidate(anna, { active: false }),
        candidate(bram, { kind: 'internal', organisationId }),
        candidate(carla, { conflictOrganisationIds: [organisationId] }),
        candidate(dirk, { languages: ['en'] }),
      ],
      none,
    );
    expect(proposal).toEqual({
      scores: [
        { counsellorId: anna, score: 0, excludedBy: 'inactive' },
        { counsellorId: bram, score: 0, excludedBy: 'internal' },
        { counsellorId: carla, score: 0, excludedBy: 'conflict-organisation' },
        { counsellorId: dirk, score: 0, excludedBy: 'language' },
      ],
    });
  });

  it('proposes nobody when fewer than two may serve', () =>
    expect(proposeAppointment(organisation, [candidate(anna), candidate(bram, { active: false })], none).appointment).toBeUndefined());

  it('prefers a substitute of another gender, so reporters can choose', () => {
    const primary = candidate(anna, { regions: ['utrecht'] });
    for (const [same, other] of [
      [bram, carla],
      [carla, bram],
    ] as const) {
      const proposal = proposeAppointment(organisation, [primary, candidate(same), candidate(other, { gender: 'male' })], none);
      expect(proposal.appointment).toEqual({ primaryId: anna, substituteId: other });
    }
  });

  it('keeps the current appointment over an equal newcomer, and takes points for headcount already served', () => {
    const current = { ...organisation, current: { primaryId: carla, internalIds: [] } };
    expect(proposeAppointment(current, [candidate(anna), candidate(bram), candidate(carla)], none).appointment?.primaryId).toBe(carla);
    const busy = new Map([[anna, 1_000]]);
    const proposal = proposeAppointment(organisation, [candidate(anna, { regions: ['utrecht'] }), candidate(bram)], busy);
    expect(proposal.scores.find((s) => s.counsellorId === anna)?.score).toBe(10 + 20 - 20);
  });

  it('proposes the same pair whatever the order of the candidates', () => {
    const all = [candidate(anna), candidate(bram), candidate(carla), candidate(dirk)];
    const first = proposeAppointment(organisation, all, none).appointment;
    expect(proposeAppointment(organisation, [...all].reverse(), none).appointment).toEqual(first);
  });
});
