import {
  EXCLUSIONS,
  POOL_SHOWN,
  RULE_SET,
  WEIGHTS,
  acknowledgementWindow,
  decide,
  exclusionsOf,
  roleFor,
  scoreOf,
  tieBreak,
  type Candidate,
  type Exclusion,
  type MatchRequest,
} from './match-rules';
import {
  anna,
  bram,
  candidate,
  carla,
  caseId,
  dirk,
  eva,
  organisationId,
  otherAgencyId,
  otherOrganisationId,
  request,
  windowFrom,
  windowUntil,
} from './match.fixtures';

// The hard rules one by one at their edges, the order of the tiers, the pool's score and tie-break, the size of an
// explanation, and the acknowledgement window in Dutch calendar days.

describe('exclusionsOf: each hard rule alone', () => {
  it('leaves out nobody who breaks no rule', () => expect(exclusionsOf(candidate(anna), request())).toEqual([]));

  /** For each code: a change of candidate and request that breaks that rule and no other. */
  const breaking: Record<Exclusion, [Partial<Candidate>, Partial<MatchRequest>]> = {
    inactive: [{ active: false }, {}],
    'other-agency': [{ agencyId: otherAgencyId }, {}],
    'internal-elsewhere': [{ kind: 'internal', organisationId: otherOrganisationId }, {}],
    role: [{ roles: ['integrity'] }, { theme: 'bullying' }],
    absent: [{ absences: [{ from: windowFrom, until: windowUntil }] }, {}],
    'conflict-organisation': [{ conflictOrganisationIds: [organisationId] }, {}],
    declined: [{}, { declinedIds: [anna] }],
    'over-capacity': [{ capacityCases: 3, openCases: 3 }, {}],
    'over-hours': [{ capacityHoursPerWeek: 8, minutesThisWeek: 480 }, {}],
    gender: [{ gender: 'male' }, { preferredGender: 'female' }],
    kind: [{}, { preferredKind: 'internal' }],
    language: [{ languages: ['en'] }, { language: 'nl' }],
    'not-chosen': [{}, { preferredCounsellorId: bram }],
  };

  it('has an example for each of the thirteen codes', () => expect(Object.keys(breaking).sort()).toEqual([...EXCLUSIONS].sort()));

  it.each(EXCLUSIONS.map((code) => [code]))('%s: leaves the counsellor out with that code only', (code) => {
    const [c, r] = breaking[code];
    expect(exclusionsOf(candidate(anna, c), request(r))).toEqual([code]);
  });

  it('names every rule a counsellor breaks, in the documented order', () =>
    expect(
      exclusionsOf(
        candidate(anna, { active: false, agencyId: otherAgencyId, languages: ['de'], gender: 'male', openCases: 10 }),
        request({ preferredGender: 'female', declinedIds: [anna] }),
      ),
    ).toEqual(['inactive', 'other-agency', 'declined', 'over-capacity', 'gender', 'language']));
});

describe('exclusionsOf: at the edges', () => {
  const absentFrom = (from: string, until: string) => exclusionsOf(candidate(anna, { absences: [{ from, until }] }), request());

  it('an absence ending the day before the window does not count', () => expect(absentFrom('2026-02-20', '2026-03-01')).toEqual([]));
  it('an absence starting the day after the window does not count', () => expect(absentFrom('2026-03-10', '2026-03-20')).toEqual([]));
  it("an absence overlapping the window's first day by one day counts", () =>
    expect(absentFrom('2026-02-20', '2026-03-02')).toEqual(['absent']));
  it("an absence overlapping the window's last day by one day counts", () =>
    expect(absentFrom('2026-03-09', '2026-03-20')).toEqual(['absent']));
  it('an absence inside the window, or around it, counts', () => {
    expect(absentFrom('2026-03-05', '2026-03-05')).toEqual(['absent']);
    expect(absentFrom('2026-01-01', '2026-12-31')).toEqual(['absent']);
  });
  it('one absence in the window among others outside it counts', () =>
    expect(
      exclusionsOf(
        candidate(anna, {
          absences: [
            { from: '2026-01-01', until: '2026-01-02' },
            { from: '2026-03-04', until: '2026-03-04' },
          ],
        }),
        request(),
      ),
    ).toEqual(['absent']));

  it('open cases one below capacity pass, at capacity do not', () => {
    expect(exclusionsOf(candidate(anna, { capacityCases: 5, openCases: 4 }), request())).toEqual([]);
    expect(exclusionsOf(candidate(anna, { capacityCases: 5, openCases: 5 }), request())).toEqual(['over-capacity']);
    expect(exclusionsOf(candidate(anna, { capacityCases: 0, openCases: 0 }), request())).toEqual(['over-capacity']);
  });

  it("a minute below the week's hours passes, the hours exactly do not", () => {
    expect(exclusionsOf(candidate(anna, { capacityHoursPerWeek: 16, minutesThisWeek: 959 }), request())).toEqual([]);
    expect(exclusionsOf(candidate(anna, { capacityHoursPerWeek: 16, minutesThisWeek: 960 }), request())).toEqual(['over-hours']);
  });

  it("'any' gender or kind asks for nothing; a named one must match", () => {
    for (const gender of ['female', 'male', 'non-binary'] as const) {
      expect(exclusionsOf(candidate(anna, { gender }), request({ preferredGender: 'any' }))).toEqual([]);
      expect(exclusionsOf(candidate(anna, { gender }), request({ preferredGender: gender }))).toEqual([]);
    }
    expect(exclusionsOf(candidate(anna, { gender: 'non-binary' }), request({ preferredGender: 'female' }))).toEqual(['gender']);
    const internal = candidate(anna, { kind: 'internal', organisationId });
    expect(exclusionsOf(internal, request({ preferredKind: 'any' }))).toEqual([]);
    expect(exclusionsOf(internal, request({ preferredKind: 'internal' }))).toEqual([]);
    expect(exclusionsOf(internal, request({ preferredKind: 'external' }))).toEqual(['kind']);
    expect(exclusionsOf(candidate(anna), request({ preferredKind: 'external' }))).toEqual([]);
  });

  it('the chosen counsellor passes, everyone else is not chosen', () => {
    expect(exclusionsOf(candidate(anna), request({ preferredCounsellorId: anna }))).toEqual([]);
    expect(exclusionsOf(candidate(bram), request({ preferredCounsellorId: anna }))).toEqual(['not-chosen']);
  });

  it('an internal counsellor serves only their own organisation; an external one any', () => {
    expect(exclusionsOf(candidate(anna, { kind: 'internal', organisationId }), request())).toEqual([]);
    expect(exclusionsOf(candidate(anna, { kind: 'internal', organisationId: otherOrganisationId }), request())).toEqual([
      'internal-elsewhere',
    ]);
    expect(exclusionsOf(candidate(anna, { kind: 'internal' }), request())).toEqual(['internal-elsewhere']);
  });

  it('a conflict with another organisation does not count', () =>
    expect(exclusionsOf(candidate(anna, { conflictOrganisationIds: [otherOrganisationId] }), request())).toEqual([]));

  it('unwanted behaviour asks for that role, integrity for the other, not-sure for either', () => {
    const unwanted = candidate(anna, { roles: ['unwanted-behaviour'] });
    const integrity = candidate(anna, { roles: ['integrity'] });
    for (const theme of ['intimidation', 'bullying', 'aggression-and-violence', 'discrimination', 'sexual-harassment'] as const) {
      expect(roleFor(theme)).toBe('unwanted-behaviour');
      expect(exclusionsOf(unwanted, request({ theme }))).toEqual([]);
      expect(exclusionsOf(integrity, request({ theme }))).toEqual(['role']);
    }
    for (const theme of ['theft-or-fraud', 'corruption', 'conflict-of-interest', 'public-interest-wrongdoing'] as const) {
      expect(roleFor(theme)).toBe('integrity');
      expect(exclusionsOf(integrity, request({ theme }))).toEqual([]);
      expect(exclusionsOf(unwanted, request({ theme }))).toEqual(['role']);
    }
    expect(roleFor('not-sure')).toBeUndefined();
    expect(exclusionsOf(unwanted, request({ theme: 'not-sure' }))).toEqual([]);
    expect(exclusionsOf(integrity, request({ theme: 'not-sure' }))).toEqual([]);
    expect(exclusionsOf(candidate(anna, { roles: [] }), request({ theme: 'not-sure' }))).toEqual([]);
  });
});

describe('decide: the order of the tiers', () => {
  const everyone = [candidate(anna), candidate(bram), candidate(carla), candidate(dirk), candidate(eva)];
  const appointment = { primaryId: anna, substituteId: bram };
  const absentWith = (id: string, substituteId?: string) =>
    candidate(id, { absences: [{ from: windowFrom, until: windowUntil, ...(substituteId ? { substituteId } : {}) }] });

  it('takes the counsellor the reporter chose over the primary', () => {
    const d = decide(request({ preferredCounsellorId: carla }), appointment, everyone);
    expect(d.chosen).toEqual({ counsellorId: carla, tier: 'chosen' });
    expect(d.named.map((v) => [v.counsellorId, v.tier, v.excludedBy])).toEqual([
      [carla, 'chosen', []],
      [anna, 'primary', ['not-chosen']],
      [bram, 'substitute', ['not-chosen']],
    ]);
  });

  it('takes nobody else when the chosen counsellor cannot (the reporter asked for them)', () => {
    const d = decide(request({ preferredCounsellorId: carla }), appointment, [
      absentWith(carla),
      ...everyone.filter((c) => c.counsellorId !== carla),
    ]);
    expect(d.chosen).toBeUndefined();
    expect(d.named[0]).toEqual({ counsellorId: carla, tier: 'chosen', excludedBy: ['absent'] });
    expect(d.pool.excluded['not-chosen']).toBe(2);
  });

  it('takes the primary, when nobody was chosen', () =>
    expect(decide(request(), appointment, everyone).chosen).toEqual({ counsellorId: anna, tier: 'primary' }));

  it('takes the one the primary named to stand in during an absence, before the substitute', () => {
    const d = decide(request(), appointment, [absentWith(anna, carla), candidate(bram), candidate(carla)]);
    expect(d.chosen).toEqual({ counsellorId: carla, tier: 'stand-in' });
    expect(d.named.map((v) => v.tier)).toEqual(['primary', 'stand-in', 'substitute']);
  });

  it('ignores a stand-in of an absence outside the window', () => {
    const later = candidate(anna, { absences: [{ from: '2026-03-10', until: '2026-03-20', substituteId: carla }] });
    expect(decide(request(), appointment, [later, candidate(bram), candidate(carla)]).chosen).toEqual({
      counsellorId: anna,
      tier: 'primary',
    });
  });

  it('takes the substitute when the primary is absent without a stand-in, or the stand-in cannot', () => {
    expect(decide(request(), appointment, [absentWith(anna), candidate(bram), candidate(carla)]).chosen).toEqual({
      counsellorId: bram,
      tier: 'substitute',
    });
    expect(decide(request(), appointment, [absentWith(anna, carla), candidate(bram), absentWith(carla)]).chosen).toEqual({
      counsellorId: bram,
      tier: 'substitute',
    });
  });

  it('names a stand-in who is the substitute once, as the stand-in', () => {
    const d = decide(request(), appointment, [absentWith(anna, bram), candidate(bram)]);
    expect(d.chosen).toEqual({ counsellorId: bram, tier: 'stand-in' });
    expect(d.named.map((v) => [v.counsellorId, v.tier])).toEqual([
      [anna, 'primary'],
      [bram, 'stand-in'],
    ]);
  });

  it('names the chosen counsellor who is the primary once, as chosen', () => {
    const d = decide(request({ preferredCounsellorId: anna }), appointment, everyone);
    expect(d.named.map((v) => [v.counsellorId, v.tier])).toEqual([
      [anna, 'chosen'],
      [bram, 'substitute'],
    ]);
  });

  it('goes to the pool when neither primary nor substitute can, and never offers them there', () => {
    const d = decide(request(), appointment, [absentWith(anna), absentWith(bram), candidate(carla)]);
    expect(d.chosen).toEqual({ counsellorId: carla, tier: 'pool' });
    expect(d.pool.considered).toBe(1);
    expect(d.considered).toBe(3);
    expect(d.pool.best.map((v) => v.counsellorId)).toEqual([carla]);
  });

  it('counts a named counsellor matching does not know (left the agency) as inactive', () => {
    const d = decide(request(), appointment, [candidate(bram)]);
    expect(d.named).toEqual([
      { counsellorId: anna, tier: 'primary', excludedBy: ['inactive'] },
      { counsellorId: bram, tier: 'substitute', excludedBy: [] },
    ]);
    expect(d.chosen).toEqual({ counsellorId: bram, tier: 'substitute' });
  });

  it('decides nobody when nobody may take the case, and says so with the rule set', () => {
    const d = decide(request({ language: 'tr' }), appointment, everyone);
    expect(d).toEqual({
      ruleSet: RULE_SET,
      considered: 5,
      named: [
        { counsellorId: anna, tier: 'primary', excludedBy: ['language'] },
        { counsellorId: bram, tier: 'substitute', excludedBy: ['language'] },
      ],
      pool: { considered: 3, excluded: { language: 3 }, best: [] },
    });
  });

  it('decides nobody, considering nobody, in an agency without counsellors', () =>
    expect(decide(request(), {}, [])).toEqual({
      ruleSet: RULE_SET,
      considered: 0,
      named: [],
      pool: { considered: 0, excluded: {}, best: [] },
    }));
});

describe('decide: the pool, by score', () => {
  it('scores specialism, workforce languages (capped), a shared region, and takes points for load', () => {
    const r = request({
      theme: 'sexual-harassment',
      organisationLanguages: ['nl', 'en', 'pl'],
      organisationRegions: ['utrecht', 'gelderland'],
    });
    const c = candidate(anna, {
      specialisms: ['trauma'],
      languages: ['nl', 'en', 'pl'],
      regions: ['gelderland'],
      capacityCases: 4,
      openCases: 2,
    });
    expect(scoreOf(c, r)).toEqual({ score: 40 + 20 + 20 - 13, parts: { specialism: 40, languages: 20, region: 20, load: -13 } });
    expect(scoreOf(candidate(anna, { languages: ['nl'] }), r).parts.languages).toBe(WEIGHTS.languagePerWorkforceLanguage);
    expect(scoreOf(candidate(anna, { specialisms: ['bullying'] }), r).parts.specialism).toBe(0);
    expect(scoreOf(candidate(anna, { specialisms: ['bullying'] }), request({ theme: 'not-sure' })).parts.specialism).toBe(0);
    expect(scoreOf(candidate(anna, { capacityCases: 0 }), r).parts.load).toBe(-WEIGHTS.load);
  });

  it('ranks specialism over languages over region, and the least loaded first among equals', () => {
    const r = request({ organisationLanguages: ['nl', 'en'], organisationRegions: ['utrecht'] });
    const specialist = candidate(anna, { specialisms: ['bullying'], languages: ['nl'] });
    const linguist = candidate(bram, { languages: ['nl', 'en'], regions: [] });
    const local = candidate(carla, { languages: ['nl'], regions: ['utrecht'] });
    const busy = candidate(dirk, { languages: ['nl'], regions: ['utrecht'], openCases: 5 });
    const d = decide(r, {}, [busy, local, linguist, specialist]);
    expect(d.pool.best.map((v) => [v.counsellorId, v.score])).toEqual(
      [
        [anna, 50],
        [bram, 20],
        [carla, 30 - 0],
        [dirk, 30 - 13],
      ].sort((a, b) => (b[1] as number) - (a[1] as number)),
    );
    expect(d.chosen).toEqual({ counsellorId: anna, tier: 'pool' });
    expect(d.pool.best[0].parts).toEqual({ specialism: 40, languages: 10, region: 0, load: 0 });
  });

  it('breaks ties on a hash of case and counsellor, the same each time, not by name or by order given', () => {
    const equals = [anna, bram, carla, dirk, eva].map((id) => candidate(id));
    const byHash = [...equals].map((c) => c.counsellorId).sort((a, b) => tieBreak(caseId, a) - tieBreak(caseId, b));
    expect(decide(request(), {}, equals).pool.best.map((v) => v.counsellorId)).toEqual(byHash);
    expect(decide(request(), {}, [...equals].reverse()).pool.best.map((v) => v.counsellorId)).toEqual(byHash);
    // Another case orders the same counsellors differently: nobody is first for every case.
    const firsts = new Set(Array.from({ length: 50 }, (_, i) => decide(request({ caseId: `case-${i}` }), {}, equals).chosen!.counsellorId));
    expect(firsts.size).toBeGreaterThan(1);
  });

  it('breaks a tie of two counsellors whose hashes collide the same way whatever the order given', () => {
    const [a, b] = colliding;
    expect(tieBreak(caseId, a)).toBe(tieBreak(caseId, b));
    const first = decide(request(), {}, [candidate(a), candidate(b)]).chosen;
    expect(decide(request(), {}, [candidate(b), candidate(a)]).chosen).toEqual(first);
  });

  it(`shows at most ${POOL_SHOWN} of the pool, the best, and counts every rule that left someone out`, () => {
    const eligible = Array.from({ length: 8 }, (_, i) => candidate(`c-${i}`, { capacityCases: 8, openCases: i }));
    const excluded = [
      candidate('x-1', { languages: ['en'] }),
      candidate('x-2', { languages: ['en'], absences: [{ from: windowFrom, until: windowFrom }] }),
      candidate('x-3', { agencyId: otherAgencyId }),
    ];
    const d = decide(request(), {}, [...excluded, ...eligible]);
    expect(d.pool.best).toHaveLength(POOL_SHOWN);
    expect(d.pool.best.map((v) => v.counsellorId)).toEqual(['c-0', 'c-1', 'c-2', 'c-3', 'c-4']);
    expect(d.pool.best.every((v) => v.tier === 'pool' && v.excludedBy.length === 0)).toBe(true);
    expect(d.pool.considered).toBe(11);
    expect(d.considered).toBe(11);
    expect(d.pool.excluded).toEqual({ language: 2, absent: 1, 'other-agency': 1 });
    expect(d.chosen).toEqual({ counsellorId: 'c-0', tier: 'pool' });
  });
});

describe('acknowledgementWindow: Dutch calendar days', () => {
  it.each([
    ['a winter evening', '2026-03-02T20:00:00.000Z', '2026-03-02', '2026-03-09'],
    ['just before local midnight in winter (UTC+1)', '2026-03-28T22:59:59.999Z', '2026-03-28', '2026-04-04'],
    ['just after local midnight, the night clocks go forward', '2026-03-28T23:30:00.000Z', '2026-03-29', '2026-04-05'],
    ['the hour clocks go forward', '2026-03-29T01:30:00.000Z', '2026-03-29', '2026-04-05'],
    ['just before local midnight in summer (UTC+2)', '2026-10-24T21:59:59.999Z', '2026-10-24', '2026-10-31'],
    ['just after local midnight, the night clocks go back', '2026-10-24T22:30:00.000Z', '2026-10-25', '2026-11-01'],
    ['the repeated hour when clocks go back', '2026-10-25T01:30:00.000Z', '2026-10-25', '2026-11-01'],
    ["new year's eve, UTC", '2026-12-31T22:59:59.999Z', '2026-12-31', '2027-01-07'],
    ["new year's day in Amsterdam, still 2026 in UTC", '2026-12-31T23:00:00.000Z', '2027-01-01', '2027-01-08'],
    ['the end of February', '2026-02-25T12:00:00.000Z', '2026-02-25', '2026-03-04'],
    ['the end of February in a leap year', '2028-02-25T12:00:00.000Z', '2028-02-25', '2028-03-03'],
    ['the leap day', '2028-02-29T12:00:00.000Z', '2028-02-29', '2028-03-07'],
    ['the end of a 30-day month', '2026-04-30T21:59:00.000Z', '2026-04-30', '2026-05-07'],
    ['the first of a month just after local midnight', '2026-04-30T22:00:00.000Z', '2026-05-01', '2026-05-08'],
  ])('%s: %s runs from %s until %s', (_what, instant, from, until) =>
    expect(acknowledgementWindow(new Date(instant))).toEqual({ from, until }),
  );
});

/**
 * Two counsellor ids whose tie-break hashes for {@link caseId} are equal: FNV-1a has 32 bits, and a search over
 * `counsellor-<n>` finds this pair (kept here, the search takes seconds).
 */
const colliding = ['counsellor-1232789', 'counsellor-1429192'] as const;
