import type { Role } from './principal';

/**
 * The demo tenants and users, shared by the embedded dev issuer and `deploy/keycloak/realm-export.json` (a test
 * keeps the two equal). Usernames are opaque role labels, the ids random UUIDs: no real person is described here.
 * DEMO ONLY: every demo user's password is {@link DEMO_PASSWORD}; never import these users into a real deployment.
 */
export const DEMO_REALM = 'vertrouwd';
/** The public client of the web app; the demo allows the password grant on it. */
export const WEB_CLIENT_ID = 'vertrouwd-web';
/** DEMO ONLY: the password of every demo user. */
export const DEMO_PASSWORD = 'demo';

/** The demo agency `agency-demo`. */
export const DEMO_AGENCY_ID = '46a843af-5ca5-490d-8839-a84730e4ca31';
/**
 * The second demo agency `agency-noord`, with staff and a client organisation of its own: the other tenant that
 * the services' access matrices call every endpoint of `agency-demo` with.
 */
export const DEMO_AGENCY_2_ID = '41e96c4f-fcbe-49e3-b9cb-7303c9a783c5';
/** The demo agencies, by label. */
export const DEMO_AGENCIES = { 'agency-demo': DEMO_AGENCY_ID, 'agency-noord': DEMO_AGENCY_2_ID } as const;
/** The client organisations of `agency-demo`, by label. */
export const DEMO_ORGANISATIONS = {
  'org-bakkerij': '6c803c6b-3ad7-46df-b7a6-6635d64c97df',
  'org-zorggroep': 'f8cf424f-98fc-4b70-8844-104204e4fd59',
} as const;
/** The advisors' ids of `agency-demo` (the `advisor_id` claim, an advisor in the matching service), by label. */
export const DEMO_ADVISORS = {
  'advisor-anna': 'bdf16451-7197-4632-b16f-b49c8c462987',
  'advisor-bram': 'b14ea1d4-ac2f-4d3b-b234-7802db2d513f',
} as const;
/** The client organisations of `agency-noord`, by label (kept apart: `DEMO_ORGANISATIONS` are all `agency-demo`'s). */
export const DEMO_AGENCY_2_ORGANISATIONS = {
  'org-scheepswerf': '563a092e-5128-4637-b01c-a75fcf30bb67',
} as const;
/** The advisors' ids of `agency-noord`, by label. */
export const DEMO_AGENCY_2_ADVISORS = {
  'advisor-nina': '109c5124-3ce6-4e98-bf57-0f1f17577c46',
} as const;

/** A demo user: `id` is the token's `sub` (the Keycloak user id), the rest its roles and tenant claims. */
export interface DemoUser {
  username: string;
  id: string;
  roles: Role[];
  agencyId?: string;
  organisationId?: string;
  advisorId?: string;
}

/** Every demo user, one or more per role: `agency-demo`'s, then `agency-noord`'s, then the platform admin. */
export const DEMO_USERS: readonly DemoUser[] = [
  {
    username: 'advisor-anna',
    id: '255cba81-886e-4404-8061-e6b600d6e233',
    roles: ['advisor'],
    agencyId: DEMO_AGENCY_ID,
    advisorId: DEMO_ADVISORS['advisor-anna'],
  },
  {
    username: 'advisor-bram',
    id: '63c5e788-9c7e-4b55-b76d-aa46c3ef0a34',
    roles: ['advisor'],
    agencyId: DEMO_AGENCY_ID,
    advisorId: DEMO_ADVISORS['advisor-bram'],
  },
  { username: 'coordinator-carla', id: 'dcf6a062-69ee-46d7-9bc4-5e22aa2f34da', roles: ['coordinator'], agencyId: DEMO_AGENCY_ID },
  {
    username: 'employer-erik',
    id: 'a02ba4aa-2a51-4a59-86b0-f62088983e7b',
    roles: ['employer'],
    organisationId: DEMO_ORGANISATIONS['org-bakkerij'],
  },
  { username: 'auditor-ada', id: '27851d4f-5f47-40ed-8a32-b043bb866d59', roles: ['auditor'], agencyId: DEMO_AGENCY_ID },
  {
    username: 'advisor-nina',
    id: '7dddf082-4023-4406-aab1-e0f92fe01e91',
    roles: ['advisor'],
    agencyId: DEMO_AGENCY_2_ID,
    advisorId: DEMO_AGENCY_2_ADVISORS['advisor-nina'],
  },
  { username: 'coordinator-noor', id: '75a596ed-8f5a-45ba-b2b9-e4292f9f0c48', roles: ['coordinator'], agencyId: DEMO_AGENCY_2_ID },
  {
    username: 'employer-niels',
    id: 'f71ef921-cd85-4f16-be8c-d77e46c8bd53',
    roles: ['employer'],
    organisationId: DEMO_AGENCY_2_ORGANISATIONS['org-scheepswerf'],
  },
  { username: 'auditor-nadia', id: 'd1c687cc-8c47-49b5-a456-f87968d9e329', roles: ['auditor'], agencyId: DEMO_AGENCY_2_ID },
  { username: 'admin-adam', id: '2158c912-1ef6-4371-8cc3-3f6866f8851b', roles: ['admin'] },
];

/** The demo user called `username`; throws for an unknown name. */
export function demoUser(username: string): DemoUser {
  const user = DEMO_USERS.find((candidate) => candidate.username === username);
  if (!user) throw new Error(`no demo user ${JSON.stringify(username)}`);
  return user;
}
