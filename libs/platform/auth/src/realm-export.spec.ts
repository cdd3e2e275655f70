import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_AUDIENCE } from './auth.options';
import { DEMO_PASSWORD, DEMO_REALM, DEMO_USERS, WEB_CLIENT_ID } from './demo-users';
import { IDENTITY_ADMIN_CLIENT_ID } from './identity/identity-admin';
import { ROLES } from './principal';

// The Keycloak realm and the dev issuer must describe the same world: same roles, clients, claims and users.
interface Mapper {
  protocolMapper: string;
  config: Record<string, string>;
}
interface Client {
  clientId: string;
  secret?: string;
  serviceAccountsEnabled?: boolean;
  standardFlowEnabled?: boolean;
  implicitFlowEnabled?: boolean;
  publicClient?: boolean;
  directAccessGrantsEnabled?: boolean;
  defaultClientScopes?: string[];
  protocolMappers?: Mapper[];
}
interface User {
  id: string;
  username: string;
  enabled: boolean;
  attributes?: Record<string, string[]>;
  realmRoles: string[];
  clientRoles?: Record<string, string[]>;
  serviceAccountClientId?: string;
  credentials: { type: string; value: string; temporary: boolean }[];
}
interface ProfileAttribute {
  name: string;
  permissions: { edit: string[] };
}

const realm = JSON.parse(readFileSync(join(__dirname, '../../../../deploy/keycloak/realm-export.json'), 'utf8'));
const clients: Client[] = realm.clients;
const web = clients.find((client) => client.clientId === WEB_CLIENT_ID)!;
const allUsers: User[] = realm.users;
const serviceAccounts = allUsers.filter((user) => user.serviceAccountClientId);
const TENANT_ATTRIBUTES = ['agency_id', 'organisation_id', 'advisor_id'];

describe('deploy/keycloak/realm-export.json', () => {
  it('defines the realm and exactly the platform roles', () => {
    expect(realm.realm).toBe(DEMO_REALM);
    expect(realm.defaultSignatureAlgorithm).toBe('RS256');
    expect(realm.roles.realm.map((role: { name: string }) => role.name).sort()).toEqual([...ROLES].sort());
  });

  it('has the public web client with the password grant, and the API client that is the audience', () => {
    expect(web).toMatchObject({ publicClient: true, directAccessGrantsEnabled: true });
    expect(clients.find((client) => client.clientId === DEFAULT_AUDIENCE)).toMatchObject({
      publicClient: false,
      directAccessGrantsEnabled: false,
    });
    // `roles` carries realm_access.roles, `basic` the sub claim, `profile` preferred_username.
    expect(web.defaultClientScopes).toEqual(expect.arrayContaining(['roles', 'basic', 'profile']));
  });

  it("has the portal's confidential client: code flow with PKCE S256 only, the same claims as the web client", () => {
    const portal = clients.find((client) => client.clientId === 'vertrouwd-portal') as Client & {
      attributes?: Record<string, string>;
      redirectUris?: string[];
    };
    expect(portal).toMatchObject({
      publicClient: false,
      standardFlowEnabled: true,
      directAccessGrantsEnabled: false,
      implicitFlowEnabled: false,
      secret: '${PORTAL_CLIENT_SECRET}',
    });
    expect(portal.attributes?.['pkce.code.challenge.method']).toBe('S256');
    // Exact redirect URIs: a wildcard would let a crafted path receive the code.
    expect(portal.redirectUris?.every((uri) => !uri.includes('*'))).toBe(true);
    expect(portal.protocolMappers).toEqual(web.protocolMappers);
  });

  it('maps the audience and every tenant attribute into the access token', () => {
    const mappers = web.protocolMappers ?? [];
    const audience = mappers.find((mapper) => mapper.protocolMapper === 'oidc-audience-mapper');
    expect(audience?.config).toMatchObject({ 'included.client.audience': DEFAULT_AUDIENCE, 'access.token.claim': 'true' });
    const attributes = mappers.filter((mapper) => mapper.protocolMapper === 'oidc-usermodel-attribute-mapper');
    expect(
      attributes.map((mapper) => [mapper.config['user.attribute'], mapper.config['claim.name'], mapper.config['access.token.claim']]),
    ).toEqual(TENANT_ATTRIBUTES.map((name) => [name, name, 'true']));
  });

  it('declares the tenant attributes in the user profile, editable by admins only', () => {
    // Keycloak 24+ drops undeclared (unmanaged) attributes; users editing their own tenant would be an escalation.
    const config = realm.components['org.keycloak.userprofile.UserProfileProvider'][0].config['kc.user.profile.config'][0];
    const declared: ProfileAttribute[] = JSON.parse(config).attributes;
    for (const name of TENANT_ATTRIBUTES) {
      expect(declared.find((attribute) => attribute.name === name)?.permissions.edit).toEqual(['admin']);
    }
  });

  it('keeps the built-in client scopes by declaring none of its own', () => {
    // Keycloak creates its default scopes (roles, basic, profile…) on import only when `clientScopes` is absent.
    expect(realm).not.toHaveProperty('clientScopes');
  });

  it('has the confidential identity-admin client, whose service account may manage users and nothing else', () => {
    const admin = clients.find((client) => client.clientId === IDENTITY_ADMIN_CLIENT_ID);
    expect(admin).toMatchObject({
      publicClient: false,
      serviceAccountsEnabled: true,
      standardFlowEnabled: false,
      implicitFlowEnabled: false,
      directAccessGrantsEnabled: false,
    });
    // Never a secret in the repository: Keycloak fills the placeholder from the environment at import.
    expect(admin?.secret).toBe('${IDENTITY_ADMIN_CLIENT_SECRET}');
    expect(serviceAccounts).toEqual([
      expect.objectContaining({
        serviceAccountClientId: IDENTITY_ADMIN_CLIENT_ID,
        realmRoles: [],
        clientRoles: { 'realm-management': ['manage-users', 'view-users'] },
      }),
    ]);
  });

  it('has the same demo users as demo-users.ts: ids, roles, tenant claims and the demo password', () => {
    const users = allUsers.filter((user) => !user.serviceAccountClientId);
    const asRealm = users.map((user) => ({
      username: user.username,
      id: user.id,
      roles: user.realmRoles,
      agencyId: user.attributes?.agency_id?.[0],
      organisationId: user.attributes?.organisation_id?.[0],
      advisorId: user.attributes?.advisor_id?.[0],
    }));
    const fromCode = DEMO_USERS.map((user) => ({ agencyId: undefined, organisationId: undefined, advisorId: undefined, ...user }));
    expect(asRealm).toEqual(fromCode);
    for (const user of users) {
      expect(user.enabled).toBe(true);
      expect(user.credentials).toEqual([{ type: 'password', value: DEMO_PASSWORD, temporary: false }]);
      expect(Object.keys(user.attributes ?? {}).every((name) => TENANT_ATTRIBUTES.includes(name))).toBe(true);
    }
  });
});
