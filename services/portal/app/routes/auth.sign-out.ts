import { redirect } from 'react-router';
import { endIssuerSession } from '../auth/oidc.server';
import { clearedSessionCookieHeader, endSession, readSession, sessionIdOf } from '../auth/sessions.server';
import type { Route } from './+types/auth.sign-out';

/** Signing out ends the portal's session (its tokens with it), then the issuer's, when it offers a logout. */
export async function action({ request }: Route.ActionArgs) {
  const id = sessionIdOf(request);
  const session = id ? await readSession(id) : undefined;
  if (id) await endSession(id);
  const location = (session && (await endIssuerSession(session.tokens.idToken))) ?? '/';
  return redirect(location, { status: 303, headers: { 'Set-Cookie': clearedSessionCookieHeader() } });
}

export function loader() {
  return redirect('/', 303);
}
