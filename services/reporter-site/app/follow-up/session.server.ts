import { clearedSessionCookie, openOnce, sessionCookie, sessionIdFrom, SessionStore } from '@vertrouwd/web-session';
import { redirect } from 'react-router';
import type { Language } from '../i18n/languages';
import { followUpPath } from './paths';
import { FollowUpEnded, type CaseAccess } from './reporter-client.server';

/**
 * The reporter's follow-up session: a row in the site's own database (sealed, by the id's hash; see
 * @vertrouwd/web-session), the browser holding only a random id in `__Host-reporter`. The row holds intake's bearer
 * token for the one case, which never reaches the browser, and lives as long as that token: 15 minutes from login.
 */
export interface ReporterSession extends CaseAccess {
  /** The intake code the reporter came in by: the session opens that organisation's pages only. */
  code: string;
  /** What the last action did, shown once by the page it redirects to (post-redirect-get). */
  notice?: Notice;
  /** Set once the reporter had their own data erased. */
  erased?: boolean;
}

export type Notice =
  | 'message-sent'
  | 'summary-approved'
  | 'summary-corrected'
  | 'summary-newer'
  | 'summary-answered'
  | 'consent-confirmed'
  | 'consent-withdrawn'
  | 'consent-changed'
  | 'reveal-approved'
  | 'reveal-refused'
  | 'reveal-gone'
  | 'withdrawn'
  | 'resumed'
  | 'erased'
  | 'report-withdrawn'
  | 'failed';

/** The intake token's lifetime (intake's `expiresIn`): the session ends with it. */
export const SESSION_SECONDS = 900;
const COOKIE = 'reporter';

/** The store, opened on first use with the site's `DATABASE_URL` and `SESSION_SECRET` (server/main.ts checks both). */
export const sessions = openOnce(() =>
  SessionStore.open<ReporterSession>({
    databaseUrl: process.env.DATABASE_URL ?? '',
    table: 'reporter_sessions',
    secret: process.env.SESSION_SECRET ?? '',
    ttlSeconds: SESSION_SECONDS,
  }),
);

/**
 * Starts the session after a successful follow-up: always under a new id (an id the browser had before, planted or
 * left over, is destroyed and worth nothing), for the token's lifetime.
 */
export async function startSession(request: Request, data: ReporterSession, expiresIn: number): Promise<string> {
  const store = await sessions();
  const previous = sessionIdOf(request);
  if (previous) await store.destroy(previous);
  const { id } = await store.create(data);
  return sessionCookie(COOKIE, id, Math.max(1, Math.min(SESSION_SECONDS, Math.floor(expiresIn))));
}

/** The session id the request's cookie carries, if it is one. */
export function sessionIdOf(request: Request): string | undefined {
  return sessionIdFrom(request.headers.get('cookie'), COOKIE);
}

export interface OpenSession {
  id: string;
  data: ReporterSession;
}

/** The request's session for this intake code, or a redirect to the login page (throws). */
export async function requireSession(request: Request, code: string, language: Language): Promise<OpenSession> {
  const id = sessionIdOf(request);
  const data = id ? await (await sessions()).read(id) : undefined;
  if (!id || !data) throw await endSession(id, code, language, 'ended');
  // A session opens the pages of the organisation it was opened at only; another's login page, the session untouched.
  if (data.code !== code) throw redirect(followUpPath(code, language), { status: 303 });
  return { id, data };
}

/** Ends the session (the row and the cookie) and answers with the way back to the login page. */
export async function endSession(
  id: string | undefined,
  code: string,
  language: Language,
  reason: 'ended' | 'logged-out',
): Promise<Response> {
  if (id) await (await sessions()).destroy(id);
  return redirect(followUpPath(code, language, reason), { status: 303, headers: { 'Set-Cookie': clearedSessionCookie(COOKIE) } });
}

/** The notice the last action left, taken out of the session so a reload does not show it again. */
export async function takeNotice(session: OpenSession): Promise<{ notice?: Notice; erased: boolean }> {
  const { notice, ...rest } = session.data;
  if (notice) await (await sessions()).update(session.id, rest);
  return { notice, erased: rest.erased === true };
}

/** After an action: the notice for the next page, and the redirect to it (post-redirect-get). */
export async function redirectWithNotice(session: OpenSession, to: string, notice: Notice, change: Partial<ReporterSession> = {}) {
  await (await sessions()).update(session.id, { ...session.data, ...change, notice });
  return redirect(to, { status: 303 });
}

/** Runs a page's work with intake; a token intake no longer takes ends the session and goes back to login. */
export async function withCase<T>(session: OpenSession, code: string, language: Language, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof FollowUpEnded) throw await endSession(session.id, code, language, 'ended');
    throw error;
  }
}
