import fc from 'fast-check';
import { DateTime } from 'luxon';
import { acknowledgementWindow, decide, type Candidate, type Decision, type MatchRequest } from './match-rules';

// Properties of `decide` over random agencies: counsellors spread over up to three agencies with random absences,
// conflicts, capacities, loads, kinds, genders, languages and roles, and random requests and appointments. A matched
// counsellor never breaks a hard rule, nobody is matched only when everyone breaks one, and the same question always
// gets the same answer. The hard rules are checked by the independent reading below, never by `exclusionsOf`.

/**
 * Every value of a contract's word list, written out here (domain code takes only types from the contracts): the
 * compiler refuses a list that misses one.
 */
const every =
  <T extends string>() =>
  <L extends readonly T[]>(list: L & ([Exclude<T, L[number]>] extends [never] ? unknown : never)): L =>
    list;
const THEMES = every<MatchRequest['theme']>()([
  'intimidation',
  'bullying',
  'aggression-and-violence',
  'discrimination',
  'sexual-harassment',
  'theft-or-fraud',
  'corruption',
  'extortion',
  'misuse-of-information-or-resources',
  'unacceptable-side-activities',
  'conflict-of-interest',
  'not-sure',
  'public-interest-wrongdoing',
] as const);
const ADVISOR_GENDERS = every<MatchRequest['preferredGender']>()(['any', 'female', 'male', 'non-binary'] as const);
const ADVISOR_KINDS = every<MatchRequest['preferredKind']>()(['any', 'internal', 'external'] as const);
const COUNSELLOR_GENDERS = every<Candidate['gender']>()(['female', 'male', 'non-binary'] as const);
const COUNSELLOR_ROLES = every<Candidate['roles'][number]>()(['unwanted-behaviour', 'integrity'] as const);
const REGIONS = every<Candidate['regions'][number]>()([
  'drenthe',
  'flevoland',
  'friesland',
  'gelderland',
  'groningen',
  'limburg',
  'noord-brabant',
  'noord-holland',
  'overijssel',
  'utrecht',
  'zeeland',
  'zuid-holland',
] as const);
const SPECIALISMS = every<Candidate['specialisms'][number]>()([
  'sexual-harassment',
  'discrimination',
  'aggression-and-violence',
  'bullying',
  'integrity-and-fraud',
  'whistleblowing',
  'healthcare',
  'education',
  'public-sector',
  'hospitality-and-retail',
  'mediation',
  'trauma',
] as const);
const AGENCIES = ['agency-a', 'agency-b', 'agency-c'] as const;
const ORGANISATIONS = ['org-1', 'org-2', 'org-3'] as const;
const LANGUAGES = ['nl', 'en', 'de', 'pl', 'tr'] as const;
const IDS = Array.from({ length: 30 }, (_, i) => `counsellor-${String(i).padStart(2, '0')}`);
/** Days from 1 March 2026: absences and windows fall around each other, across the DST change of 29 March. */
const day = (offset: number) => new Date(Date.UTC(2026, 2, 1 + offset)).toISOString().slice(0, 10);

/** The themes of unwanted behaviour (seed 001); `not-sure` asks for no role; every other theme is integrity. */
const UNWANTED = new Set(['intimidation', 'bullying', 'aggression-and-violence', 'discrimination', 'sexual-harassment']);

/** The hard rules, read again from the docs: the reasons a counsellor may not take this case (empty: they may). */
function reference(c: Candidate, r: MatchRequest): string[] {
  const broken: string[] = [];
  if (!c.active) broken.push('inactive');
  if (c.agencyId !== r.agencyId) broken.push('wrong agency');
  if (c.kind === 'internal' && !(c.organisationId !== undefined && c.organisationId === r.organisationId))
    broken.push('internal elsewhere');
  if (r.theme !== 'not-sure') {
    const needed = UNWANTED.has(r.theme) ? 'unwanted-behaviour' : 'integrity';
    if (c.roles.every((role) => role !== needed)) broken.push('role');
  }
  // Absent on any single day of the window, walked day by day.
  const days: string[] = [];
  for (let d = new Date(`${r.windowFrom}T12:00:00Z`); d.toISOString().slice(0, 10) <= r.windowUntil; d.setUTCDate(d.getUTCDate() + 1))
    days.push(d.toISOString().slice(0, 10));
  if (days.some((d) => c.absences.some((a) => a.from <= d && d <= a.until))) broken.push('absent');
  if (c.conflictOrganisationIds.some((o) => o === r.organisationId)) broken.push('conflicted');
  if (r.declinedIds.some((id) => id === c.counsellorId)) broken.push('declined');
  if (!(c.openCases + 1 <= c.capacityCases)) broken.push('over capacity');
  if (!(c.minutesThisWeek / 60 < c.capacityHoursPerWeek)) broken.push('over hours');
  if (r.preferredGender !== 'any' && r.preferredGender !== c.gender) broken.push('gender');
  if (r.preferredKind !== 'any' && r.preferredKind !== c.kind) broken.push('kind');
  if (c.languages.indexOf(r.language) < 0) broken.push('language');
  if (r.preferredCounsellorId !== undefined && r.preferredCounsellorId !== '' && r.preferredCounsellorId !== c.counsellorId)
    broken.push('not chosen');
  return broken;
}

const id = fc.constantFrom(...IDS);
/** Mostly the usual (so that matches happen), sometimes anything. */
const often = <T>(usual: fc.Arbitrary<T>, other: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 4, arbitrary: usual }, { weight: 1, arbitrary: other });
const absence = fc
  .record({
    start: fc.integer({ min: 0, max: 40 }),
    days: fc.integer({ min: 0, max: 10 }),
    substituteId: fc.option(id, { nil: undefined }),
  })
  .map(({ start, days, substituteId }) => ({ from: day(start), until: day(start + days), ...(substituteId ? { substituteId } : {}) }));

const candidateArb: fc.Arbitrary<Candidate> = fc
  .record({
    counsellorId: id,
    // Mostly the case's agency, so that matches happen.
    agencyId: fc.oneof(
      { weight: 6, arbitrary: fc.constant(AGENCIES[0]) },
      { weight: 1, arbitrary: fc.constantFrom(AGENCIES[1], AGENCIES[2]) },
    ),
    active: fc.oneof({ weight: 8, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    kind: often(fc.constant('external' as const), fc.constant('internal' as const)),
    organisationId: fc.option(fc.constantFrom(...ORGANISATIONS), { nil: undefined }),
    roles: often<Candidate['roles']>(fc.constant([...COUNSELLOR_ROLES]), fc.subarray([...COUNSELLOR_ROLES])),
    languages: often(
      fc.subarray([...LANGUAGES]).map((l) => [...new Set(['nl', ...l])]),
      fc.subarray([...LANGUAGES]),
    ),
    gender: fc.constantFrom(...COUNSELLOR_GENDERS),
    regions: fc.subarray([...REGIONS], { maxLength: 3 }),
    specialisms: fc.subarray([...SPECIALISMS], { maxLength: 3 }),
    capacityCases: fc.integer({ min: 0, max: 8 }),
    capacityHoursPerWeek: fc.integer({ min: 0, max: 20 }),
    openCases: often(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 9 })),
    minutesThisWeek: often(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 1300 })),
    absences: often<Candidate['absences']>(fc.constant([]), fc.array(absence, { minLength: 1, maxLength: 3 })),
    conflictOrganisationIds: often<Candidate['conflictOrganisationIds']>(
      fc.constant([]),
      fc.subarray([...ORGANISATIONS], { minLength: 1, maxLength: 2 }),
    ),
  })
  .map(({ kind, organisationId, ...c }) => ({ ...c, kind, ...(kind === 'internal' && organisationId ? { organisationId } : {}) }));

const requestArb: fc.Arbitrary<MatchRequest> = fc
  .record({
    caseId: fc.uuid(),
    organisationId: fc.constantFrom(...ORGANISATIONS),
    theme: fc.constantFrom(...THEMES),
    language: often(fc.constant('nl'), fc.constantFrom(...LANGUAGES)),
    preferredGender: fc.oneof(
      { weight: 3, arbitrary: fc.constant('any' as const) },
      { weight: 1, arbitrary: fc.constantFrom(...ADVISOR_GENDERS) },
    ),
    preferredKind: fc.oneof(
      { weight: 3, arbitrary: fc.constant('any' as const) },
      { weight: 1, arbitrary: fc.constantFrom(...ADVISOR_KINDS) },
    ),
    preferredCounsellorId: fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: id }),
    declinedIds: fc.subarray(IDS, { maxLength: 4 }),
    organisationRegions: fc.subarray([...REGIONS], { maxLength: 3 }),
    organisationLanguages: fc.subarray([...LANGUAGES], { maxLength: 3 }),
    start: fc.integer({ min: 0, max: 35 }),
  })
  .map(({ start, preferredCounsellorId, ...r }) => ({
    ...r,
    agencyId: AGENCIES[0],
    ...(preferredCounsellorId ? { preferredCounsellorId } : {}),
    windowFrom: day(start),
    windowUntil: day(start + 7),
  }));

const appointmentArb = fc.record({ primaryId: id, substituteId: id }, { requiredKeys: [] }) as fc.Arbitrary<{
  primaryId?: string;
  substituteId?: string;
}>;

const scenario = fc.record({
  request: requestArb,
  appointment: appointmentArb,
  candidates: fc.uniqueArray(candidateArb, { selector: (c) => c.counsellorId, maxLength: 25 }),
  shuffleSeed: fc.integer(),
});

/** The same candidates in another order (a seeded Fisher-Yates shuffle). */
function shuffled<T>(list: readonly T[], seed: number): T[] {
  const out = [...list];
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) >>> 0;
    state = (state ^ (state >>> 12)) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const RUNS = { numRuns: 2_000 };

describe('decide over random agencies', () => {
  it('never matches a counsellor who breaks a hard rule', () =>
    fc.assert(
      fc.property(scenario, ({ request, appointment, candidates }) => {
        const decision = decide(request, appointment, candidates);
        if (!decision.chosen) return;
        const matched = candidates.find((c) => c.counsellorId === decision.chosen!.counsellorId);
        expect(matched).toBeDefined();
        expect(reference(matched!, request)).toEqual([]);
      }),
      RUNS,
    ));

  it('matches nobody only when every counsellor breaks some hard rule', () =>
    fc.assert(
      fc.property(scenario, ({ request, appointment, candidates }) => {
        const decision = decide(request, appointment, candidates);
        if (decision.chosen) return;
        for (const c of candidates)
          expect({ counsellorId: c.counsellorId, broken: reference(c, request).length > 0 }).toEqual({
            counsellorId: c.counsellorId,
            broken: true,
          });
      }),
      RUNS,
    ));

  it("respects the reporter's choice, and otherwise takes the primary whenever the primary may take the case", () =>
    fc.assert(
      fc.property(scenario, ({ request, appointment, candidates }) => {
        const decision = decide(request, appointment, candidates);
        const byId = new Map(candidates.map((c) => [c.counsellorId, c]));
        if (request.preferredCounsellorId) {
          const wanted = byId.get(request.preferredCounsellorId);
          const can = wanted !== undefined && reference(wanted, request).length === 0;
          expect(decision.chosen).toEqual(can ? { counsellorId: request.preferredCounsellorId, tier: 'chosen' } : undefined);
          return;
        }
        const primary = appointment.primaryId ? byId.get(appointment.primaryId) : undefined;
        if (primary && reference(primary, request).length === 0)
          expect(decision.chosen).toEqual({ counsellorId: primary.counsellorId, tier: 'primary' });
      }),
      RUNS,
    ));

  it('explains every candidate once: named ones and the pool add up, and the pool shows only those who may take the case', () =>
    fc.assert(
      fc.property(scenario, ({ request, appointment, candidates }) => {
        const decision = decide(request, appointment, candidates);
        const namedIds = new Set(decision.named.map((v) => v.counsellorId));
        const pooled = candidates.filter((c) => !namedIds.has(c.counsellorId));
        expect(decision.pool.considered).toBe(pooled.length);
        const eligible = pooled.filter((c) => reference(c, request).length === 0);
        expect(decision.pool.best.length).toBe(Math.min(5, eligible.length));
        for (const v of decision.pool.best)
          expect(
            reference(
              candidates.find((c) => c.counsellorId === v.counsellorId)!,
              request,
            ),
          ).toEqual([]);
        for (const v of decision.named) {
          const c = candidates.find((x) => x.counsellorId === v.counsellorId);
          expect(v.excludedBy.length === 0).toBe(c !== undefined && reference(c, request).length === 0);
        }
      }),
      RUNS,
    ));

  it('gives the same answer to the same question, whatever the order of the candidates', () =>
    fc.assert(
      fc.property(scenario, ({ request, appointment, candidates, shuffleSeed }) => {
        const decision: Decision = decide(request, appointment, candidates);
        expect(decide(request, appointment, candidates)).toEqual(decision);
        expect(decide(request, appointment, shuffled(candidates, shuffleSeed))).toEqual(decision);
      }),
      RUNS,
    ));

  it('matches somebody often enough for the properties to mean something', () => {
    const samples = fc.sample(scenario, { numRuns: 2_000, seed: 42 });
    const matched = samples.filter(({ request, appointment, candidates }) => decide(request, appointment, candidates).chosen).length;
    const tiers = new Set(samples.map(({ request, appointment, candidates }) => decide(request, appointment, candidates).chosen?.tier));
    expect(matched).toBeGreaterThan(200);
    expect(matched).toBeLessThan(1_800);
    expect([...tiers].sort()).toEqual(['chosen', 'pool', 'primary', 'stand-in', 'substitute', undefined].sort());
  });
});

describe('acknowledgementWindow over random instants', () => {
  it('runs from the Dutch calendar day of the report to seven days later, as Luxon reads the Amsterdam zone', () =>
    fc.assert(
      fc.property(fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2032-12-31T23:59:59Z'), noInvalidDate: true }), (at) => {
        const local = DateTime.fromJSDate(at, { zone: 'Europe/Amsterdam' }).startOf('day');
        expect(acknowledgementWindow(at)).toEqual({ from: local.toISODate(), until: local.plus({ days: 7 }).toISODate() });
      }),
      { numRuns: 5_000 },
    ));
});
