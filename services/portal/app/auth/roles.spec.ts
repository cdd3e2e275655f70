import { safeReturnTo } from './return-to';
import ar from '../i18n/catalogue/ar.messages';
import en from '../i18n/catalogue/en.messages';
import nl from '../i18n/catalogue/nl.messages';
import pl from '../i18n/catalogue/pl.messages';
import tr from '../i18n/catalogue/tr.messages';
import { mayOpen, ROLES, SCREENS, screensOf, userOfClaims } from './roles';

describe('the user of an access token', () => {
  it("takes the platform's roles and tenant claims, and nothing else Keycloak adds", () => {
    const user = userOfClaims({
      sub: 'u-1',
      preferred_username: 'advisor-anna',
      realm_access: { roles: ['offline_access', 'advisor', 'default-roles-vertrouwd', 'superuser'] },
      agency_id: 'a-1',
      advisor_id: 'c-1',
      organisation_id: '',
    });
    expect(user).toEqual({ subject: 'u-1', username: 'advisor-anna', roles: ['advisor'], agencyId: 'a-1', advisorId: 'c-1' });
  });

  it('has no roles when the token carries none in the expected place', () => {
    expect(userOfClaims({ sub: 'u-2', roles: ['admin'] }).roles).toEqual([]);
  });
});

describe('screens by role', () => {
  it.each([
    [['advisor'], ['cases', 'work', 'consultations', 'annual-reports']],
    [['coordinator'], ['queue', 'organisations', 'counsellors', 'billing', 'annual-reports', 'settings']],
    [['auditor'], ['audit', 'access-log', 'reproduction']],
    [['employer'], ['reports', 'invoices', 'compliance']],
    [['admin'], ['agencies']],
    [
      ['advisor', 'auditor'],
      ['cases', 'work', 'consultations', 'audit', 'annual-reports', 'access-log', 'reproduction'],
    ],
    [[], []],
  ] as const)('%j opens %j', (roles, screens) => {
    expect(screensOf({ roles: [...roles] })).toEqual(screens);
  });

  it('refuses a screen to a role that is not among its roles', () => {
    expect(mayOpen({ roles: ['coordinator'] }, 'cases')).toBe(false);
    expect(mayOpen({ roles: ['employer'] }, 'audit')).toBe(false);
    expect(mayOpen({ roles: ['advisor'] }, 'invoices')).toBe(false);
    expect(mayOpen({ roles: ['employer'] }, 'annual-reports')).toBe(false);
    expect(mayOpen({ roles: ['coordinator'] }, 'agencies')).toBe(false);
    expect(mayOpen({ roles: ['admin'] }, 'reproduction')).toBe(false);
    expect(mayOpen({ roles: ['admin'] }, 'settings')).toBe(false);
  });
});

describe('the address to come back to after signing in', () => {
  it.each(['/nl/cases', '/en/audit/1234?x=1', '/'])('keeps a path of the portal: %s', (path) => {
    expect(safeReturnTo(path)).toBe(path);
  });

  it.each(['https://evil.example/', '//evil.example/x', '/\\evil.example', 'nl/cases', '', null, undefined, '/nl\r\nSet-Cookie: x'])(
    'refuses anything else: %j',
    (path) => {
      expect(safeReturnTo(path)).toBe('/');
    },
  );
});

describe('what the start page and the navigation say of each screen and role', () => {
  // Their message ids are made from the screen's and the role's names, which no check of the catalogues' keys sees:
  // a screen added without its sentence showed its id (`screen.consultations`) to every advisor.
  it.each(Object.entries({ nl, en, pl, tr, ar }))(
    'has a name and a sentence for every screen, and a name for every role, in %s',
    (_, catalogue) => {
      const messages: Record<string, string> = catalogue;
      const ids = [
        ...Object.keys(SCREENS).flatMap((screen) => [`nav.${screen}`, `screen.${screen}`]),
        ...ROLES.map((role) => `role.${role}`),
      ];
      expect(ids.filter((id) => !messages[id])).toEqual([]);
    },
  );
});
