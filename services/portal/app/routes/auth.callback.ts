import { finishSignIn } from '../auth/oidc.server';
import { userOfClaims } from '../auth/roles';
import { clearedSignInCookie, startSession, takeSignIn } from '../auth/sessions.server';
import { languageOf, loadMessages } from '../i18n/languages';
import type { Route } from './+types/auth.callback';

/**
 * The issuer sends the browser back here with a one-time code. The pending sign-in this browser started is taken
 * (once), the code traded for tokens on the server, and a new session started; the browser gets only its cookie.
 *
 * The answer is a small page that moves on to the portal itself rather than a redirect: the issuer's redirect is a
 * navigation from another site, and a SameSite=Strict session cookie is not sent on the rest of such a redirect
 * chain, so the first page would not see the new session.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const pending = await takeSignIn(request);
  const language = languageOf(pending?.language) ?? 'nl';
  const text = await loadMessages(language);
  const headers = new Headers({ 'Content-Type': 'text/html; charset=utf-8' });
  headers.append('Set-Cookie', clearedSignInCookie());
  if (!pending || url.searchParams.has('error')) {
    return new Response(page(language, text['signIn.failed'], '/', text['signIn.again']), { status: 400, headers });
  }
  let signedIn: Awaited<ReturnType<typeof finishSignIn>>;
  try {
    signedIn = await finishSignIn(url, pending);
  } catch {
    return new Response(page(language, text['signIn.failed'], '/', text['signIn.again']), { status: 400, headers });
  }
  const user = userOfClaims(accessClaims(signedIn.tokens.access));
  // The access token must be the same user's as the ID token that openid-client verified.
  if (user.subject !== signedIn.claims.sub) {
    return new Response(page(language, text['signIn.failed'], '/', text['signIn.again']), { status: 400, headers });
  }
  headers.append('Set-Cookie', await startSession(request, user, signedIn.tokens));
  return new Response(page(language, text['signIn.done'], pending.returnTo, text['signIn.continue'], true), { status: 200, headers });
}

/**
 * The access token's claims. It came straight from the issuer's token endpoint over the server's own connection
 * (OIDC Core §3.1.3.8), and every service verifies it again on each call; here it only says who and which roles.
 */
function accessClaims(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** A page without script: a sentence, a link on, and (after signing in) a refresh that follows it at once. */
function page(language: string, title: string, href: string, link: string, refresh = false): string {
  const dir = language === 'ar' ? 'rtl' : 'ltr';
  const meta = refresh ? `<meta http-equiv="refresh" content="0;url=${escape(href)}">` : '';
  return `<!doctype html>
<html lang="${escape(language)}" dir="${dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">${meta}<title>${escape(title)}</title></head>
<body><main><h1>${escape(title)}</h1><p><a href="${escape(href)}">${escape(link)}</a></p></main></body>
</html>
`;
}
