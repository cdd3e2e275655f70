import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { DEMO_PASSWORD, WEB_CLIENT_ID, demoUser } from '../demo-users';
import { IDENTITY_ADMIN_CLIENT_ID, StaffAccountInUseError, type StaffAccount } from '../identity/identity-admin';
import { realmOf } from '../identity/identity-admin.env';
import { KeycloakIdentityAdmin } from '../identity/keycloak-identity-admin';
import { startDevIssuer, type DevIssuer } from './dev-issuer';

const SECRET = 'dev-issuer-admin-secret-for-tests';
const form = (fields: Record<string, string>, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  body: new URLSearchParams(fields).toString(),
});
const clientCredentials = (issuer: DevIssuer, secret = SECRET) =>
  fetch(issuer.tokenEndpoint, form({ grant_type: 'client_credentials', client_id: IDENTITY_ADMIN_CLIENT_ID, client_secret: secret }));
const signIn = (issuer: DevIssuer, username: string) =>
  fetch(issuer.tokenEndpoint, form({ grant_type: 'password', client_id: WEB_CLIENT_ID, username, password: DEMO_PASSWORD }));
const adminFor = (issuer: DevIssuer) =>
  new KeycloakIdentityAdmin({ ...realmOf(issuer.issuer), clientSecret: SECRET, passwordEmail: false });
const account = (overrides: Partial<StaffAccount> = {}): StaffAccount => ({
  username: `counsellor-${randomUUID().slice(0, 8)}`,
  roles: ['advisor'],
  agencyId: randomUUID(),
  advisorId: randomUUID(),
  ...overrides,
});

describe('the dev issuer with users created at run time', () => {
  let dir: string;
  let issuer: DevIssuer | undefined;
  const start = async (port = 0) =>
    (issuer = await startDevIssuer({
      port,
      adminClientSecret: SECRET,
      usersFile: join(dir, 'users', 'users.json'),
      keyFile: join(dir, 'key.json'),
    }));

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dev-issuer-users-'));
  });
  afterEach(async () => {
    await issuer?.stop();
    issuer = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps them in usersFile (owner-only), so they still sign in, with their claims, after a restart', async () => {
    const first = await start();
    const counsellor = account();
    const { userId } = await adminFor(first).ensureAccount(counsellor);
    const file = join(dir, 'users', 'users.json');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, 'utf8')).users).toEqual([
      expect.objectContaining({ id: userId, username: counsellor.username }),
    ]);
    await first.stop();
    const second = await start(Number(new URL(first.issuer).port));
    const response = await signIn(second, counsellor.username);
    expect(response.status).toBe(200);
    const claims = decodeJwt(((await response.json()) as { access_token: string }).access_token);
    expect(claims).toMatchObject({
      sub: userId,
      agency_id: counsellor.agencyId,
      advisor_id: counsellor.advisorId,
      realm_access: { roles: ['advisor'] },
    });
    // Tests of the services mint tokens for them like for the demo users.
    expect(second.claimsFor(counsellor.username)).toMatchObject({ sub: userId, advisor_id: counsellor.advisorId });
    expect(decodeJwt(await second.mintToken(counsellor.username)).sub).toBe(userId);
  });

  it("answers a demo username with the demo user's id and leaves the demo user as it is", async () => {
    const dev = await start();
    const anna = demoUser('advisor-anna');
    const asked = account({ username: 'advisor-anna', agencyId: anna.agencyId!, advisorId: anna.advisorId, organisationId: randomUUID() });
    expect(await adminFor(dev).ensureAccount(asked)).toEqual({ userId: anna.id, created: false });
    // Asked for as someone else (another counsellor record, a coordinator), she is refused as a run-time user is.
    await expect(adminFor(dev).ensureAccount({ ...asked, advisorId: randomUUID() })).rejects.toBeInstanceOf(StaffAccountInUseError);
    await expect(adminFor(dev).ensureAccount({ ...asked, roles: ['coordinator'] })).rejects.toBeInstanceOf(StaffAccountInUseError);
    await adminFor(dev).disableAccount(anna.id);
    const response = await signIn(dev, 'advisor-anna');
    expect(response.status).toBe(200);
    const claims = decodeJwt(((await response.json()) as { access_token: string }).access_token);
    expect(claims).toMatchObject({
      sub: anna.id,
      agency_id: anna.agencyId,
      advisor_id: anna.advisorId,
      realm_access: { roles: ['advisor'] },
    });
    expect(claims).not.toHaveProperty('organisation_id');
  });

  it("answers the admin API's errors as Keycloak does", async () => {
    const dev = await start();
    const { access_token: token } = (await (await clientCredentials(dev)).json()) as { access_token: string };
    const users = `${new URL(dev.issuer).origin}/admin/realms/vertrouwd/users`;
    const call = async (method: string, path: string, body?: unknown, bearer = token) => {
      const response = await fetch(`${users}${path}`, {
        method,
        headers: { authorization: `Bearer ${bearer}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return [response.status, response.status === 204 || response.status === 201 ? undefined : await response.json()];
    };
    expect(await call('GET', '', undefined, '')).toEqual([401, { error: 'HTTP 401 Unauthorized' }]);
    expect(await call('GET', '', undefined, await dev.mintToken('admin-adam'))).toEqual([403, { error: 'HTTP 403 Forbidden' }]);
    expect(await call('POST', '', { username: 'coordinator-carla' })).toEqual([409, { errorMessage: 'User exists with same username' }]);
    expect(await call('POST', '', { username: 'x-bad', attributes: { agency_id: ['not-a-uuid'] } })).toEqual([
      400,
      { field: 'agency_id', errorMessage: 'must be a lowercase UUID', params: ['agency_id', 'not-a-uuid'] },
    ]);
    expect(await call('GET', `/${randomUUID()}`)).toEqual([404, { error: 'User not found' }]);
    expect(await call('POST', '', { username: 'new-user', attributes: { agency_id: [randomUUID()], unknown: ['dropped'] } })).toEqual([
      201,
      undefined,
    ]);
    const [, [created]] = (await call('GET', '?username=new-user&exact=true')) as [number, { id: string; attributes: object }[]];
    expect(Object.keys(created.attributes)).toEqual(['agency_id']);
    // A role is looked up by name and must carry that role's id.
    expect(await call('POST', `/${created.id}/role-mappings/realm`, [{ id: randomUUID(), name: 'advisor' }])).toEqual([
      404,
      { error: 'Role not found' },
    ]);
    const [, available] = (await call('GET', `/${created.id}/role-mappings/realm/available`)) as [number, { name: string }[]];
    expect(available.map((role) => role.name)).toEqual(['advisor', 'coordinator', 'employer', 'auditor', 'admin']);
  });

  it('refuses the admin client and the admin API without adminClientSecret, and a wrong secret with it', async () => {
    const plain = await startDevIssuer();
    try {
      const unknown = await clientCredentials(plain);
      expect([unknown.status, ((await unknown.json()) as { error: string }).error]).toEqual([401, 'invalid_client']);
      const admin = new KeycloakIdentityAdmin({ ...realmOf(plain.issuer), clientSecret: SECRET, passwordEmail: false });
      await expect(admin.ensureAccount(account())).rejects.toMatchObject({ status: 401 });
      const forged = await plain.mintToken({
        azp: IDENTITY_ADMIN_CLIENT_ID,
        resource_access: { 'realm-management': { roles: ['manage-users'] } },
      });
      const direct = await fetch(`${new URL(plain.issuer).origin}/admin/realms/vertrouwd/users`, {
        headers: { authorization: `Bearer ${forged}` },
      });
      expect(direct.status).toBe(401);
    } finally {
      await plain.stop();
    }
    const dev = await start();
    const wrong = await clientCredentials(dev, 'wrong');
    expect([wrong.status, await wrong.json()]).toEqual([
      401,
      { error: 'unauthorized_client', error_description: 'Invalid client or Invalid client credentials' },
    ]);
    const passwordOnAdminClient = await fetch(
      dev.tokenEndpoint,
      form({
        grant_type: 'password',
        client_id: IDENTITY_ADMIN_CLIENT_ID,
        client_secret: SECRET,
        username: 'admin-adam',
        password: DEMO_PASSWORD,
      }),
    );
    expect([passwordOnAdminClient.status, ((await passwordOnAdminClient.json()) as { error: string }).error]).toEqual([
      400,
      'unauthorized_client',
    ]);
  });
});
