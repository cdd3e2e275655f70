import { redirect } from 'react-router';
import { startSignIn } from '../auth/oidc.server';
import { keepSignIn } from '../auth/sessions.server';
import { safeReturnTo } from '../auth/return-to';
import { languageOf } from '../i18n/languages';
import type { Route } from './+types/auth.sign-in';

/** Starts signing in: state, nonce and PKCE verifier are kept on the server; the browser goes to the issuer. */
export async function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const language = languageOf(url.searchParams.get('lang') ?? undefined) ?? 'nl';
  const { pending, location } = await startSignIn(safeReturnTo(url.searchParams.get('returnTo')), language);
  return redirect(location, { status: 303, headers: { 'Set-Cookie': await keepSignIn(pending) } });
}
