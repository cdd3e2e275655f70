import { createHash } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { jwtVerify } from 'jose';
import { ROLES, type Role } from '../principal';
import { TENANT_ATTRIBUTES, type IssuerUser, type IssuerUsers } from './runtime-users';

/** A response of the admin API: JSON, or no content (`body` undefined). */
export interface AdminResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** An admin API request, already read: method, path below `/admin/realms/<realm>`, query, JSON body. */
export interface AdminRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization?: string;
  body: unknown;
}

export interface AdminApiContext {
  realm: string;
  issuer: string;
  /** `http://host:port`: the Location of a created user is absolute, as Keycloak's is. */
  baseUrl: string;
  publicKey: KeyObject;
  /** The admin client whose tokens open the API; undefined: none does. */
  adminClientId?: string;
  users: IssuerUsers;
}

/** The realm-management client roles the admin client's service account holds. */
export const ADMIN_CLIENT_ROLES = ['manage-users', 'view-users'] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const json = (status: number, body: unknown, headers?: Record<string, string>): AdminResponse => ({ status, body, headers });
const noContent: AdminResponse = { status: 204 };
const userNotFound = json(404, { error: 'User not found' });
const fieldError = (field: string, errorMessage: string, ...params: string[]) =>
  json(400, { field, errorMessage, params: [field, ...params] });

/** The realm's id, and each platform role's: stable, derived from the names, as ids in Keycloak are per realm. */
const idOf = (name: string) => {
  const hex = createHash('sha256').update(`vertrouwd-dev-issuer:${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};
const roleRepresentation = (realm: string, name: Role) => ({
  id: idOf(`role:${name}`),
  name,
  composite: false,
  clientRole: false,
  containerId: idOf(`realm:${realm}`),
});

/**
 * The part of Keycloak's admin REST API that `KeycloakIdentityAdmin` uses, on the dev issuer's users: create, search
 * by username, read and update a user (attributes, email, enabled), and its realm role mappings. Every request needs
 * a bearer token of the admin client (client-credentials grant) whose service account holds `manage-users`
 * (writes) or `view-users` (reads); answers and errors are shaped as Keycloak's. Demo users are found but never
 * changed: a write to one answers as if done.
 */
export async function adminApi(request: AdminRequest, context: AdminApiContext): Promise<AdminResponse> {
  const roles = await adminRoles(request.authorization, context);
  if (!roles) return json(401, { error: 'HTTP 401 Unauthorized' });
  const needed = request.method === 'GET' ? 'view-users' : 'manage-users';
  if (!roles.includes(needed) && !roles.includes('manage-users')) return json(403, { error: 'HTTP 403 Forbidden' });
  const [collection, id, ...rest] = request.path.split('/').filter(Boolean);
  if (collection !== 'users') return json(404, { error: 'Unable to find matching target resource method' });
  if (!id) return usersCollection(request, context);
  const user = context.users.byId(id);
  const sub = rest.join('/');
  if (sub === '') {
    if (!['GET', 'PUT'].includes(request.method)) return json(405, { error: 'HTTP 405 Method Not Allowed' });
    if (!user) return userNotFound;
    return request.method === 'GET' ? json(200, representation(user)) : updateUser(user, request.body, context);
  }
  if (sub === 'role-mappings/realm' || sub === 'role-mappings/realm/available') {
    if (!user) return userNotFound;
    return roleMappings(user, request, sub.endsWith('available'), context);
  }
  return json(404, { error: 'Unable to find matching target resource method' });
}

/** The realm-management roles of a valid admin-client token, or undefined when the token is missing or invalid. */
async function adminRoles(authorization: string | undefined, context: AdminApiContext): Promise<string[] | undefined> {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!token || !context.adminClientId) return undefined;
  try {
    const { payload } = await jwtVerify(token, context.publicKey, { issuer: context.issuer, algorithms: ['RS256'], typ: 'JWT' });
    // A user's token is valid but holds no realm-management role: 403, as Keycloak answers it.
    if (payload.azp !== context.adminClientId) return [];
    const access = payload.resource_access as Record<string, { roles?: string[] }> | undefined;
    return access?.['realm-management']?.roles ?? [];
  } catch {
    return undefined;
  }
}

async function usersCollection(request: AdminRequest, context: AdminApiContext): Promise<AdminResponse> {
  if (request.method === 'GET') return json(200, search(context.users.all(), request.query));
  if (request.method !== 'POST') return json(405, { error: 'HTTP 405 Method Not Allowed' });
  const body = (request.body ?? {}) as Record<string, unknown>;
  const username = typeof body.username === 'string' ? body.username.trim().toLowerCase() : '';
  if (!username) return fieldError('username', 'error-user-attribute-required');
  const attributes = tenantAttributes(body.attributes);
  if ('field' in attributes) return attributes.error;
  const email = emailOf(body.email);
  if (typeof email === 'object') return email;
  if (context.users.byUsername(username)) return json(409, { errorMessage: 'User exists with same username' });
  if (email && context.users.all().some((user) => user.email === email)) return json(409, { errorMessage: 'User exists with same email' });
  // Like Keycloak, a new user gets no realm roles from the representation: they are mapped afterwards.
  const created = await context.users.create({
    username,
    email: email || undefined,
    enabled: body.enabled !== false,
    attributes: attributes.values,
  });
  return json(201, undefined, { location: `${context.baseUrl}/admin/realms/${context.realm}/users/${created.id}` });
}

async function updateUser(user: IssuerUser, rawBody: unknown, context: AdminApiContext): Promise<AdminResponse> {
  const body = (rawBody ?? {}) as Record<string, unknown>;
  if (typeof body.username === 'string' && body.username.toLowerCase() !== user.username) {
    return fieldError('username', 'error-user-attribute-read-only');
  }
  const attributes = body.attributes === undefined ? undefined : tenantAttributes(body.attributes);
  if (attributes && 'field' in attributes) return attributes.error;
  const email = body.email === undefined ? undefined : emailOf(body.email);
  if (typeof email === 'object') return email;
  if (email && context.users.all().some((other) => other.email === email && other.id !== user.id)) {
    return json(409, { errorMessage: 'User exists with same email' });
  }
  if (user.demo) return noContent;
  await context.users.update(user.id, {
    ...(typeof body.enabled === 'boolean' && { enabled: body.enabled }),
    ...(attributes && { attributes: attributes.values }),
    ...(email !== undefined && { email: email || undefined }),
  });
  return noContent;
}

async function roleMappings(user: IssuerUser, request: AdminRequest, available: boolean, context: AdminApiContext): Promise<AdminResponse> {
  const mapped = (role: Role) => user.realmRoles.includes(role);
  if (request.method === 'GET') {
    return json(
      200,
      ROLES.filter((role) => mapped(role) !== available).map((role) => roleRepresentation(context.realm, role)),
    );
  }
  if (available || !['POST', 'DELETE'].includes(request.method)) return json(405, { error: 'HTTP 405 Method Not Allowed' });
  const asked = Array.isArray(request.body) ? (request.body as { id?: unknown; name?: unknown }[]) : [];
  const roles: Role[] = [];
  for (const { id, name } of asked) {
    const role = ROLES.find((candidate) => candidate === name);
    // Keycloak looks a role up by name and refuses it unless the id matches too.
    if (!role || id !== roleRepresentation(context.realm, role).id) return json(404, { error: 'Role not found' });
    roles.push(role);
  }
  if (user.demo) return noContent;
  const realmRoles =
    request.method === 'POST' ? [...new Set([...user.realmRoles, ...roles])] : user.realmRoles.filter((role) => !roles.includes(role));
  await context.users.update(user.id, { realmRoles });
  return noContent;
}

function search(users: IssuerUser[], query: URLSearchParams): unknown[] {
  const exact = query.get('exact') === 'true';
  const matches = (value: string | undefined, wanted: string | null) =>
    wanted === null || (value !== undefined && (exact ? value === wanted.toLowerCase() : value.includes(wanted.toLowerCase())));
  const text = query.get('search')?.replaceAll('*', '').toLowerCase();
  const first = Number(query.get('first') ?? 0);
  const max = Number(query.get('max') ?? 100);
  return users
    .filter((user) => matches(user.username, query.get('username')) && matches(user.email, query.get('email')))
    .filter((user) => !text || user.username.includes(text) || (user.email ?? '').includes(text))
    .slice(first, first + max)
    .map((user) => representation(user, query.get('briefRepresentation') === 'true'));
}

/** Keycloak's `UserRepresentation` of a user. */
function representation(user: IssuerUser, brief = false): Record<string, unknown> {
  return {
    id: user.id,
    username: user.username,
    ...(user.email && { email: user.email }),
    emailVerified: false,
    enabled: user.enabled,
    createdTimestamp: user.createdTimestamp,
    totp: false,
    ...(!brief && { attributes: user.attributes }),
    requiredActions: [],
    notBefore: 0,
  };
}

type AttributesResult = { values: IssuerUser['attributes'] } | { field: string; error: AdminResponse };

/** The declared tenant attributes of a representation (undeclared ones are dropped, as Keycloak's user profile does). */
function tenantAttributes(raw: unknown): AttributesResult {
  const values: IssuerUser['attributes'] = {};
  const given = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  for (const name of TENANT_ATTRIBUTES) {
    const value = given[name];
    if (value === undefined || value === null) continue;
    const list = (Array.isArray(value) ? value : [value]).filter((item) => item !== '');
    if (list.length === 0) continue;
    if (list.length > 1) return { field: name, error: fieldError(name, 'error-user-attribute-multivalued') };
    if (typeof list[0] !== 'string' || !UUID.test(list[0])) {
      return { field: name, error: fieldError(name, 'must be a lowercase UUID', String(list[0])) };
    }
    values[name] = [list[0]];
  }
  return { values };
}

/** The email of a representation: '' for none, or the error answer for one that is not an address. */
function emailOf(raw: unknown): string | AdminResponse {
  if (raw === undefined || raw === null || raw === '') return '';
  if (typeof raw !== 'string' || !EMAIL.test(raw.trim())) return fieldError('email', 'invalid-email');
  return raw.trim().toLowerCase();
}
