import { randomUUID } from 'node:crypto';
import { clearedSessionCookie, openOnce, sessionCookie, sessionIdFrom, SessionStore } from '@vertrouwd/web-session';
import { portalConfig } from '../config.server';
import type { PendingSignIn, Tokens } from './oidc.server';
import type { StaffUser } from './roles';

/** A signed-in user's session, sealed in the portal's database: the only place the tokens are kept. */
export interface StaffSession {
  user: StaffUser;
  tokens: Tokens;
  /** The id an auditor's reads are logged under by the case service: one per session. */
  auditId: string;
}

/** The session cookie, `__Host-portal`: HttpOnly, Secure, SameSite=Strict, the whole site. */
export const SESSION_COOKIE = 'portal';
/** Eight hours at most, and half an hour without a request ends it. */
export const SESSION_TTL_SECONDS = 8 * 3600;
const SESSION_IDLE_SECONDS = 30 * 60;
/**
 * A page read within this long of the last one gets the session from the process's memory, not the database; a
 * sign-out or token refresh in any process drops it from every process's memory as it commits (see `SessionCache`).
 */
const SESSION_CACHE_SECONDS = 10;

/** The sign-in round trip's cookie, `__Host-portal-sign-in`: ten minutes, sent on the issuer's redirect back (Lax). */
const SIGN_IN_COOKIE = 'portal-sign-in';
const SIGN_IN_TTL_SECONDS = 600;

const open = openOnce(async () => {
  const { databaseUrl, sessionSecret } = portalConfig();
  const [sessions, signIns] = await Promise.all([
    SessionStore.open<StaffSession>({
      databaseUrl,
      table: 'portal_sessions',
      secret: sessionSecret,
      ttlSeconds: SESSION_TTL_SECONDS,
      idleSeconds: SESSION_IDLE_SECONDS,
      cacheSeconds: SESSION_CACHE_SECONDS,
    }),
    SessionStore.open<PendingSignIn>({ databaseUrl, table: 'portal_sign_ins', secret: sessionSecret, ttlSeconds: SIGN_IN_TTL_SECONDS }),
  ]);
  return { sessions, signIns };
});

/** Keeps a sign-in's state, nonce and PKCE verifier until the browser comes back; the cookie names it. */
export async function keepSignIn(pending: PendingSignIn): Promise<string> {
  const { id } = await (await open()).signIns.create(pending);
  // SameSite=Lax, not Strict: the issuer's redirect back is a navigation from another site, which must carry it.
  return `__Host-${SIGN_IN_COOKIE}=${id}; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=${SIGN_IN_TTL_SECONDS}`;
}

/** The pending sign-in this browser started, used up by reading it (a code comes back once). */
export async function takeSignIn(request: Request): Promise<PendingSignIn | undefined> {
  const id = sessionIdFrom(request.headers.get('cookie') ?? undefined, SIGN_IN_COOKIE);
  if (!id) return undefined;
  const { signIns } = await open();
  const pending = await signIns.read(id);
  await signIns.destroy(id);
  return pending;
}

export const clearedSignInCookie = () => clearedSessionCookie(SIGN_IN_COOKIE);

/**
 * Starts the user's session: a new id, never one the browser had before (no fixation), and any session the
 * browser still had ended.
 */
export async function startSession(request: Request, user: StaffUser, tokens: Tokens): Promise<string> {
  const { sessions } = await open();
  const previous = sessionIdOf(request);
  if (previous) await sessions.destroy(previous);
  const { id } = await sessions.create({ user, tokens, auditId: randomUUID() });
  return sessionCookie(SESSION_COOKIE, id, SESSION_TTL_SECONDS);
}

export function sessionIdOf(request: Request): string | undefined {
  return sessionIdFrom(request.headers.get('cookie') ?? undefined, SESSION_COOKIE);
}

export async function readSession(id: string): Promise<StaffSession | undefined> {
  return (await open()).sessions.read(id);
}

/**
 * Changes the session under its row's lock: every process and replica of the portal changes one session one at a
 * time, the later ones seeing what the earlier wrote (see `SessionStore.modify`).
 */
export async function modifySession(
  id: string,
  change: (session: StaffSession) => Promise<StaffSession | undefined>,
): Promise<StaffSession | undefined> {
  return (await open()).sessions.modify(id, change);
}

export async function endSession(id: string): Promise<void> {
  await (await open()).sessions.destroy(id);
}

export const clearedSessionCookieHeader = () => clearedSessionCookie(SESSION_COOKIE);
