import { data, redirectDocument } from 'react-router';
import { refreshTokens } from './oidc.server';
import { safeReturnTo } from './return-to';
import { mayOpen, type Screen, type StaffUser } from './roles';
import { modifySession, readSession, sessionIdOf, type StaffSession } from './sessions.server';

/** A signed-in request: who, and the access token to call the services with on their behalf (server-side only). */
export interface SignedIn {
  user: StaffUser;
  accessToken: string;
  auditId: string;
}

// An access token this close to its expiry is refreshed first, so a service never sees it expire mid-request.
const REFRESH_MARGIN_MS = 30_000;
// One refresh per session at a time in this process (the others wait on the session's row): issuers rotate refresh
// tokens, so a second refresh with the same one would fail.
const refreshing = new Map<string, Promise<StaffSession | undefined>>();

/** The signed-in user of this request, with a fresh access token; undefined when there is no (live) session. */
export async function currentUser(request: Request): Promise<SignedIn | undefined> {
  const id = sessionIdOf(request);
  if (!id) return undefined;
  let session = await readSession(id);
  if (session && session.tokens.expiresAt - REFRESH_MARGIN_MS <= Date.now()) session = await refreshed(id);
  return session && { user: session.user, accessToken: session.tokens.access, auditId: session.auditId };
}

function refreshed(id: string): Promise<StaffSession | undefined> {
  let running = refreshing.get(id);
  if (!running) {
    // Under the session row's lock: another process of the portal refreshing the same session at the same moment
    // waits, then finds the tokens this one stored, and never redeems the refresh token this one used up.
    running = modifySession(id, async (latest) => {
      if (latest.tokens.expiresAt - REFRESH_MARGIN_MS > Date.now()) return latest;
      try {
        return { ...latest, tokens: await refreshTokens(latest.tokens) };
      } catch {
        // The issuer refused (its session ended, the refresh token expired): so does the portal's.
        return undefined;
      }
    }).finally(() => refreshing.delete(id));
    refreshing.set(id, running);
  }
  return running;
}

/** The address to come back to after signing in: this request's path, never another site's. */
export function returnPath(request: Request): string {
  const url = new URL(request.url);
  return safeReturnTo(url.pathname + url.search);
}

/**
 * The signed-in user, allowed to open `screen`: without a session the browser goes to sign in (and comes back
 * here); a user whose roles do not include the screen's gets 403 before anything is fetched for it.
 */
export async function requireUser(request: Request, screen?: Screen): Promise<SignedIn> {
  const signedIn = await currentUser(request);
  if (!signedIn) {
    const language = new URL(request.url).pathname.split('/')[1] || 'nl';
    throw redirectDocument(`/auth/sign-in?${new URLSearchParams({ returnTo: returnPath(request), lang: language })}`, 303);
  }
  if (screen && !mayOpen(signedIn.user, screen)) throw data({ forbidden: screen }, { status: 403 });
  return signedIn;
}
