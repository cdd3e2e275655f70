import { COUNSELLOR_GENDERS, COUNSELLOR_KINDS, COUNSELLOR_ROLES, SPECIALISMS } from '@vertrouwd/contracts';
import * as portal from './counsellor-values';
import { detailsOf } from './organisation-details';

// The profile form offers exactly what matching takes, and sends what was typed in matching's shape: the service,
// not the portal, judges the values (a number that is not one reaches it as such and comes back with the field named).

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};

const PROFILE: [string, string][] = [
  ['name', ' Carmen Lopez '],
  ['introduction', ''],
  ['kind', 'external'],
  ['organisationId', '3f0c0c8e-1d7e-4c7b-9a59-0f7f6a1b2c3d'],
  ['roles', 'unwanted-behaviour'],
  ['roles', 'integrity'],
  ['languages', 'nl'],
  ['languages', 'es'],
  ['gender', 'female'],
  ['regions', 'utrecht'],
  ['specialisms', 'mediation'],
  ['capacityCases', '12'],
  ['capacityHoursPerWeek', '20'],
];

describe("the counsellor form's closed lists", () => {
  it('are the contracts’ lists, in their order', () => {
    expect(portal.COUNSELLOR_KINDS).toEqual(COUNSELLOR_KINDS);
    expect(portal.COUNSELLOR_ROLES).toEqual(COUNSELLOR_ROLES);
    expect(portal.COUNSELLOR_GENDERS).toEqual(COUNSELLOR_GENDERS);
    expect(portal.SPECIALISMS).toEqual(SPECIALISMS);
  });
});

describe('a profile as typed', () => {
  it('is sent in matching’s shape, without an empty introduction, and an external counsellor without an organisation', () => {
    expect(portal.profileOf(form(PROFILE))).toEqual({
      name: 'Carmen Lopez',
      kind: 'external',
      roles: ['unwanted-behaviour', 'integrity'],
      languages: ['nl', 'es'],
      gender: 'female',
      regions: ['utrecht'],
      specialisms: ['mediation'],
      capacityCases: 12,
      capacityHoursPerWeek: 20,
    });
  });

  it("names an internal counsellor's organisation, and keeps the introduction typed", () => {
    const internal = PROFILE.map(([k, v]): [string, string] =>
      k === 'kind' ? [k, 'internal'] : k === 'introduction' ? [k, 'Ik ben er voor je.'] : [k, v],
    );
    expect(portal.profileOf(form(internal))).toMatchObject({
      kind: 'internal',
      organisationId: '3f0c0c8e-1d7e-4c7b-9a59-0f7f6a1b2c3d',
      introduction: 'Ik ben er voor je.',
    });
  });

  it('leaves a number that is not one for the service to name', () => {
    const typed = PROFILE.map(([k, v]): [string, string] =>
      k === 'capacityCases' ? [k, 'twaalf'] : k === 'capacityHoursPerWeek' ? [k, ''] : [k, v],
    );
    const body = portal.profileOf(form(typed));
    expect(body.capacityCases).toBeNaN();
    expect(body.capacityHoursPerWeek).toBeNaN();
    // NaN travels as null in JSON: matching refuses it as not a whole number, naming the field.
    expect(JSON.parse(JSON.stringify(body)).capacityCases).toBeNull();
  });

  it('onboards with the id chosen by the page and the account typed', () => {
    const typed = form([...PROFILE, ['username', 'carmen.lopez'], ['email', 'carmen@example.test']]);
    expect(portal.onboardingOf(typed, 'c0ffee00-0000-4000-8000-000000000001')).toMatchObject({
      counsellorId: 'c0ffee00-0000-4000-8000-000000000001',
      username: 'carmen.lopez',
      email: 'carmen@example.test',
      name: 'Carmen Lopez',
    });
  });
});

describe("an organisation's details as typed", () => {
  it('replace them all; an emptied VAT id is none', () => {
    const typed = form([
      ['name', 'Drukkerij De Letterbak'],
      ['intakeCode', 'letterbak-2026'],
      ['kvkNumber', '30555666'],
      ['vatId', ''],
      ['sbiCode', '1813'],
      ['regions', 'utrecht'],
      ['regions', 'gelderland'],
      ['languages', 'nl'],
    ]);
    expect(detailsOf(typed)).toEqual({
      name: 'Drukkerij De Letterbak',
      intakeCode: 'letterbak-2026',
      kvkNumber: '30555666',
      sbiCode: '1813',
      regions: ['utrecht', 'gelderland'],
      languages: ['nl'],
    });
  });
});
