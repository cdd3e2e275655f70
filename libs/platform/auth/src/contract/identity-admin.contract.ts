import { randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import { WEB_CLIENT_ID } from '../demo-users';
import {
  IDENTITY_ADMIN_CLIENT_ID,
  InvalidStaffAccountError,
  StaffAccountInUseError,
  StaffAccountTakenError,
  type IdentityAdmin,
  type StaffAccount,
} from '../identity/identity-admin';
import { IdentityProviderError } from '../identity/keycloak-identity-admin';

/** An identity provider for the contract, and the adapter under test talking to it. */
export interface IdentityAdminContractSetup {
  /** The adapter, with the right client secret. */
  admin: IdentityAdmin;
  /** The same adapter with a wrong client secret. */
  withWrongSecret: IdentityAdmin;
  /** The realm's token endpoint. */
  tokenEndpoint: string;
  /** Makes the account able to sign in and returns its password (the dev issuer: the demo password). */
  passwordFor(userId: string): Promise<string>;
  cleanup?(): Promise<void>;
}

type Body = Record<string, unknown> & { access_token?: string; error?: string };

/**
 * The contract of the identity port, met by `KeycloakIdentityAdmin` against the embedded dev issuer and against
 * Keycloak with `deploy/keycloak/realm-export.json` alike: a created account signs in and its token carries its
 * roles and tenant claims; ensuring it again updates it in place, but never takes a role away or moves it to another
 * advisor record; a disabled account cannot sign in; a wrong client secret is refused.
 */
export function describeIdentityAdminContract(name: string, setup: () => Promise<IdentityAdminContractSetup>): void {
  describe(`identity port contract: ${name}`, () => {
    let ctx: IdentityAdminContractSetup;
    const suffix = randomUUID().slice(0, 8);
    const agencyId = randomUUID();
    const counsellor: StaffAccount = {
      username: `contract-counsellor-${suffix}`,
      email: `contract-counsellor-${suffix}@example.org`,
      roles: ['advisor'],
      agencyId,
      advisorId: randomUUID(),
    };
    let userId: string;

    const post = async (form: Record<string, string>, headers: Record<string, string> = {}) => {
      const response = await fetch(ctx.tokenEndpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams(form).toString(),
      });
      return { status: response.status, body: (await response.json()) as Body };
    };
    const signIn = async (username: string) =>
      post({ grant_type: 'password', client_id: WEB_CLIENT_ID, username, password: await ctx.passwordFor(userId) });
    const claimsOf = async (username: string) => {
      const { status, body } = await signIn(username);
      expect(status).toBe(200);
      return decodeJwt(body.access_token!);
    };

    beforeAll(async () => {
      ctx = await setup();
    });
    afterAll(() => ctx?.cleanup?.());

    it('creates an account that signs in with a token carrying its roles and tenant claims', async () => {
      const result = await ctx.admin.ensureAccount(counsellor);
      expect(result).toEqual({ userId: expect.any(String), created: true });
      userId = result.userId;
      const claims = await claimsOf(counsellor.username);
      expect(claims).toMatchObject({
        sub: userId,
        preferred_username: counsellor.username,
        agency_id: agencyId,
        advisor_id: counsellor.advisorId,
      });
      expect(claims).not.toHaveProperty('organisation_id');
      expect((claims.realm_access as { roles: string[] }).roles).toContain('advisor');
    });

    it('brings the account up to date when ensured again as the same staff member: the same id, claims replaced', async () => {
      const internal: StaffAccount = { ...counsellor, email: `contract-moved-${suffix}@example.org`, organisationId: randomUUID() };
      expect(await ctx.admin.ensureAccount(internal)).toEqual({ userId, created: false });
      const claims = await claimsOf(counsellor.username);
      expect(claims).toMatchObject({
        sub: userId,
        agency_id: agencyId,
        advisor_id: counsellor.advisorId,
        organisation_id: internal.organisationId,
      });
      expect((claims.realm_access as { roles: string[] }).roles).toContain('advisor');
      // Ensured once more as it was: the claims follow, the organisation is gone.
      expect(await ctx.admin.ensureAccount(counsellor)).toEqual({ userId, created: false });
      expect(await claimsOf(counsellor.username)).not.toHaveProperty('organisation_id');
    });

    it("refuses an account of the agency that is someone else's: another role, or another advisor record", async () => {
      const before = await claimsOf(counsellor.username);
      const attempts: StaffAccount[] = [
        { ...counsellor, advisorId: randomUUID() },
        { ...counsellor, email: `contract-other-${suffix}@example.org`, advisorId: randomUUID() },
        { ...counsellor, roles: ['coordinator'], advisorId: undefined },
        { ...counsellor, roles: ['coordinator'] },
      ];
      for (const attempt of attempts) {
        await expect(ctx.admin.ensureAccount(attempt)).rejects.toBeInstanceOf(StaffAccountInUseError);
      }
      expect(await claimsOf(counsellor.username)).toMatchObject({
        sub: userId,
        agency_id: before.agency_id,
        advisor_id: before.advisor_id,
        realm_access: before.realm_access,
      });
      expect(before).not.toHaveProperty('organisation_id');
    });

    it("never takes a role away: a coordinator's account asked for as a counsellor stays a coordinator's", async () => {
      const coordinator: StaffAccount = { username: `contract-coordinator-${suffix}`, roles: ['coordinator'], agencyId };
      const made = await ctx.admin.ensureAccount(coordinator);
      expect(await ctx.admin.ensureAccount(coordinator)).toEqual({ userId: made.userId, created: false });
      const asCounsellor = {
        ...coordinator,
        email: `contract-coordinator-${suffix}@example.org`,
        roles: ['advisor' as const],
        advisorId: randomUUID(),
      };
      await expect(ctx.admin.ensureAccount(asCounsellor)).rejects.toBeInstanceOf(StaffAccountInUseError);
      const { status, body } = await post({
        grant_type: 'password',
        client_id: WEB_CLIENT_ID,
        username: coordinator.username,
        password: await ctx.passwordFor(made.userId),
      });
      expect(status).toBe(200);
      const claims = decodeJwt(body.access_token!);
      expect(claims).toMatchObject({ sub: made.userId, agency_id: agencyId });
      expect(claims).not.toHaveProperty('advisor_id');
      expect((claims.realm_access as { roles: string[] }).roles).toContain('coordinator');
      expect((claims.realm_access as { roles: string[] }).roles).not.toContain('advisor');
    });

    it('refuses an account of another agency, or of none, and leaves it as it is', async () => {
      const before = await claimsOf(counsellor.username);
      await expect(ctx.admin.ensureAccount({ ...counsellor, agencyId: randomUUID(), advisorId: randomUUID() })).rejects.toBeInstanceOf(
        StaffAccountTakenError,
      );
      expect(await claimsOf(counsellor.username)).toMatchObject({
        sub: userId,
        agency_id: before.agency_id,
        advisor_id: before.advisor_id,
        realm_access: before.realm_access,
      });
    });

    it('disables the account: the password grant is refused; ensuring it again enables it', async () => {
      await ctx.admin.disableAccount(userId);
      await ctx.admin.disableAccount(userId);
      const refused = await signIn(counsellor.username);
      expect([400, 401]).toContain(refused.status);
      expect(refused.body.error).toBe('invalid_grant');
      expect(await ctx.admin.ensureAccount(counsellor)).toEqual({ userId, created: false });
      expect((await claimsOf(counsellor.username)).sub).toBe(userId);
    });

    it('does nothing when asked to disable an unknown account', async () => {
      await expect(ctx.admin.disableAccount(randomUUID())).resolves.toBeUndefined();
    });

    it('enables a disabled account again, with the claims it had; an enabled or unknown one is left as it is', async () => {
      await ctx.admin.disableAccount(userId);
      expect((await signIn(counsellor.username)).body.error).toBe('invalid_grant');
      await ctx.admin.enableAccount(userId);
      await ctx.admin.enableAccount(userId);
      expect(await claimsOf(counsellor.username)).toMatchObject({
        sub: userId,
        agency_id: counsellor.agencyId,
        advisor_id: counsellor.advisorId,
      });
      await expect(ctx.admin.enableAccount(randomUUID())).resolves.toBeUndefined();
    });

    it('refuses a wrong client secret, at the token endpoint and through the adapter', async () => {
      const basic = Buffer.from(`${IDENTITY_ADMIN_CLIENT_ID}:wrong-${suffix}`).toString('base64');
      const raw = await post({ grant_type: 'client_credentials' }, { authorization: `Basic ${basic}` });
      expect(raw.status).toBe(401);
      expect(raw.body.error).toBe('unauthorized_client');
      const attempt = ctx.withWrongSecret.ensureAccount({ ...counsellor, username: `contract-refused-${suffix}` });
      await expect(attempt).rejects.toBeInstanceOf(IdentityProviderError);
      await expect(attempt).rejects.toMatchObject({ status: 401 });
    });

    it('refuses an account of the wrong form before asking the identity provider', async () => {
      await expect(ctx.admin.ensureAccount({ ...counsellor, username: 'No Spaces' })).rejects.toBeInstanceOf(InvalidStaffAccountError);
      await expect(ctx.admin.ensureAccount({ ...counsellor, agencyId: 'not-a-uuid' })).rejects.toThrow(/agencyId must be a lowercase UUID/);
    });
  });
}
