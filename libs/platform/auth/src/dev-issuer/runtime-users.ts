import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DEMO_USERS, type DemoUser } from '../demo-users';
import { ROLES, type Role } from '../principal';

/** The user attributes the realm's user profile declares and its mappers put in tokens. */
export const TENANT_ATTRIBUTES = ['agency_id', 'organisation_id', 'advisor_id'] as const;
export type TenantAttribute = (typeof TENANT_ATTRIBUTES)[number];

/** A user of the dev issuer as Keycloak's admin API shows it (`UserRepresentation`), with its realm roles. */
export interface IssuerUser {
  id: string;
  username: string;
  email?: string;
  enabled: boolean;
  createdTimestamp: number;
  attributes: Partial<Record<TenantAttribute, string[]>>;
  realmRoles: Role[];
  /** A static demo user: read-only, whatever the admin API is asked. */
  demo: boolean;
}

/** The fields of a user the admin API may change. */
export type UserChanges = Partial<Pick<IssuerUser, 'email' | 'enabled' | 'attributes' | 'realmRoles'>>;

/**
 * The dev issuer's users: the static demo users (read-only) and the users created at run time through the admin
 * API, kept in `file` (owner-only JSON) so they survive a restart. Without a file they live as long as the process.
 */
export class IssuerUsers {
  private readonly created: IssuerUser[];
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly file: string | undefined,
    stored: IssuerUser[],
  ) {
    this.created = stored;
  }

  static async open(file?: string): Promise<IssuerUsers> {
    return new IssuerUsers(file, file ? await readUsersFile(file) : []);
  }

  all(): IssuerUser[] {
    return [...DEMO_USERS.map(fromDemoUser), ...this.created];
  }

  byUsername(username: string): IssuerUser | undefined {
    return this.all().find((user) => user.username === username);
  }

  byId(id: string): IssuerUser | undefined {
    return this.all().find((user) => user.id === id);
  }

  /** Adds a user; the caller has checked that the username is free. */
  async create(user: Pick<IssuerUser, 'username' | 'email' | 'enabled' | 'attributes'>): Promise<IssuerUser> {
    const added: IssuerUser = { ...user, id: randomUUID(), createdTimestamp: Date.now(), realmRoles: [], demo: false };
    this.created.push(added);
    await this.save();
    return added;
  }

  /** Changes a runtime user; a demo user stays as it is (the demo and the realm export must not drift). */
  async update(id: string, changes: UserChanges): Promise<void> {
    const user = this.created.find((candidate) => candidate.id === id);
    if (!user) return;
    Object.assign(user, Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)));
    await this.save();
  }

  /** Serialised writes, each to a temporary file renamed over the last: a crash never leaves half a file. */
  private save(): Promise<void> {
    const file = this.file;
    if (!file) return Promise.resolve();
    const content = JSON.stringify({ users: this.created.map(({ demo: _demo, ...user }) => user) }, null, 2);
    const written = this.writing.then(async () => {
      await mkdir(dirname(file), { recursive: true, mode: 0o700 });
      const temporary = `${file}.${process.pid}.tmp`;
      await writeFile(temporary, content, { mode: 0o600 });
      await rename(temporary, file);
    });
    // A failed write fails its own request; the next write still runs (and writes every user).
    this.writing = written.catch(() => undefined);
    return written;
  }
}

/** The claims-relevant view of a user, as the token minting takes it. */
export function asTokenUser(user: IssuerUser): DemoUser {
  return {
    username: user.username,
    id: user.id,
    roles: ROLES.filter((role) => user.realmRoles.includes(role)),
    agencyId: user.attributes.agency_id?.[0],
    organisationId: user.attributes.organisation_id?.[0],
    advisorId: user.attributes.advisor_id?.[0],
  };
}

function fromDemoUser(user: DemoUser): IssuerUser {
  const attributes: IssuerUser['attributes'] = {};
  if (user.agencyId) attributes.agency_id = [user.agencyId];
  if (user.organisationId) attributes.organisation_id = [user.organisationId];
  if (user.advisorId) attributes.advisor_id = [user.advisorId];
  return { id: user.id, username: user.username, enabled: true, createdTimestamp: 0, attributes, realmRoles: [...user.roles], demo: true };
}

async function readUsersFile(file: string): Promise<IssuerUser[]> {
  try {
    const { users } = JSON.parse(await readFile(file, 'utf8')) as { users: Omit<IssuerUser, 'demo'>[] };
    return users.map((user) => ({ ...user, demo: false }));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
