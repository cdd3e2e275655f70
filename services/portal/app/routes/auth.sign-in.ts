import { redirect } from 'react-router';
import { startSignIn } from '../auth/oidc.server';
import { signInOnPublicOrigin } from '../auth/public-origin';
import { portalConfig } from '../config.server';
import { keepSignIn } from '../auth/sessions.server';
import { safeReturnTo } from '../auth/return-to';
import { languageOf } from '../i18n/languages';
import type { Route } from './+types/auth.sign-in';

/**
 * Starts signing in: state, nonce and PKCE verifier are kept on the server; the browser goes to the issuer. A browser
 * that came by another loopback name (`localhost`) goes to the public origin first, where the issuer sends it back.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const there = signInOnPublicOrigin(url, portalConfig().publicUrl);
  if (there) return redirect(there, 303);
  const language = languageOf(url.searchParams.get('lang') ?? undefined) ?? 'nl';
  const { pending, location } = await startSignIn(safeReturnTo(url.searchParams.get('returnTo')), language);
  return redirect(location, { status: 303, headers: { 'Set-Cookie': await keepSignIn(pending) } });
}
