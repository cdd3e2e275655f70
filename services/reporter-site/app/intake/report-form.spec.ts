import pages from '../../test/fixtures/intake-pages.json';
import type { IntakePage } from './intake-page';
import { ACCOUNT_MAX, checkReport, formValues } from './report-form';

const page = pages.nl as IntakePage;
const complete = {
  theme: 'bullying',
  relation: 'manager',
  account: '  Mijn leidinggevende schreeuwt.  ',
  anonymity: 'anonymous',
  contactChannel: 'platform',
  consent: 'v1',
};

describe('checking the report form', () => {
  it('turns a complete form into the body intake takes, in the page language and consent version', () => {
    expect(checkReport(complete, page, 'nl')).toEqual({
      ok: true,
      request: {
        theme: 'bullying',
        relation: 'manager',
        account: 'Mijn leidinggevende schreeuwt.',
        anonymity: 'anonymous',
        contact: { channel: 'platform' },
        language: 'nl',
        consentVersion: 'v1',
      },
    });
  });

  it('names every missing answer, with the question it belongs to', () => {
    const checked = checkReport({}, page, 'nl');
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.errors.map((e) => `${e.field}:${e.message}:${e.question}`)).toEqual([
      'theme:errors.choose:theme',
      'relation:errors.choose:relation',
      'account:errors.fill:account',
      'anonymity:errors.choose:anonymity',
      'contactChannel:errors.choose:contactChannel',
      'consent:errors.consent:consent',
    ]);
  });

  it('asks for the address of the channel chosen, and a name only from a reporter known to the counsellor', () => {
    const checked = checkReport({ ...complete, anonymity: 'known-to-advisor', contactChannel: 'email', email: 'geen-adres' }, page, 'nl');
    expect(!checked.ok && checked.errors.map((e) => e.field)).toEqual(['identityName', 'email']);
    const known = checkReport(
      {
        ...complete,
        anonymity: 'known-to-advisor',
        identityName: 'Sam',
        contactChannel: 'phone',
        phone: '+31 6 1234 5678',
      },
      page,
      'nl',
    );
    expect(known.ok && known.request).toMatchObject({ identity: { name: 'Sam' }, contact: { channel: 'phone', phone: '+31 6 1234 5678' } });
  });

  it('says so when an address or number is given for another channel than the one chosen, instead of dropping it', () => {
    const platform = checkReport(
      { ...complete, contactChannel: 'platform', email: 'kees@example.org', phone: '+31 6 1234 5678' },
      page,
      'nl',
    );
    expect(!platform.ok && platform.errors.map((e) => `${e.field}:${e.message}`)).toEqual([
      'email:errors.emailWithoutChannel',
      'phone:errors.phoneWithoutChannel',
    ]);
    const phone = checkReport({ ...complete, contactChannel: 'phone', phone: '+31 6 1234 5678', email: 'x@y.nl' }, page, 'nl');
    expect(!phone.ok && phone.errors.map((e) => `${e.field}:${e.message}`)).toEqual(['email:errors.emailWithoutChannel']);
  });

  it('refuses choices the page does not offer: a theme, a counsellor, an account that is too long', () => {
    const checked = checkReport(
      { ...complete, theme: 'workload', counsellorId: '00000000-0000-4000-8000-000000000000', account: 'x'.repeat(ACCOUNT_MAX + 1) },
      page,
      'nl',
    );
    expect(!checked.ok && checked.errors.map((e) => `${e.field}:${e.message}`)).toEqual([
      'theme:errors.choose',
      'account:errors.tooLong',
      'counsellorId:errors.counsellor',
    ]);
  });

  it('names text intake would refuse next to its field: a NUL in the account, a control or direction character in the name', () => {
    const checked = checkReport(
      { ...complete, account: 'a\u0000b', anonymity: 'known-to-advisor', identityName: 'Jan\u202Enesnaj' },
      page,
      'nl',
    );
    expect(!checked.ok && checked.errors.map((e) => `${e.field}:${e.message}`)).toEqual([
      'account:errors.characters',
      'identityName:errors.characters',
    ]);
    // Line breaks and tabs belong in an account.
    expect(checkReport({ ...complete, account: 'eerst\n\tdaarna' }, page, 'nl').ok).toBe(true);
  });

  it("checks a name with intake's own plain-text rule: a lone surrogate is named too, a name in any script passes", () => {
    const named = (identityName: string) => checkReport({ ...complete, anonymity: 'known-to-advisor', identityName }, page, 'nl');
    const lone = named('Jan \uD83D de Vries');
    expect(!lone.ok && lone.errors.map((e) => `${e.field}:${e.message}`)).toEqual(['identityName:errors.characters']);
    for (const name of ['Zoë Çelik', 'محمد', 'Łódź 🙂']) expect(named(name).ok).toBe(true);
  });

  it('passes a chosen counsellor and gender preference on', () => {
    const counsellorId = page.counsellors[0].counsellorId;
    const checked = checkReport({ ...complete, counsellorId, advisorGender: 'female' }, page, 'nl');
    expect(checked.ok && checked.request.preferences).toEqual({ advisorGender: 'female', counsellorId });
  });

  it('reads only the known fields of a posted form', () => {
    const form = new FormData();
    form.set('account', 'tekst');
    form.set('isAdmin', 'true');
    expect(formValues(form)).toEqual({ account: 'tekst' });
  });
});
