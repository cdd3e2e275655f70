import { createHash, randomBytes } from 'node:crypto';
import type { IssuerUser } from './runtime-users';

// OpenID Connect's authorization code flow with PKCE (RFC 6749 §4.1, RFC 7636, OIDC Core §3.1) for the staff portal,
// as Keycloak runs it for a confidential client with "PKCE method S256" required: the portal's server sends the
// browser to the login page, the user signs in, the browser comes back with a one-time code, and the portal's server
// trades the code and its verifier (and its client secret) for tokens. Tokens never reach the browser.

/** A client allowed the authorization code flow: the portal's server. */
export interface CodeFlowClient {
  clientId: string;
  /** Confidential: the token endpoint wants this secret (HTTP Basic or `client_secret`). */
  secret: string;
  /** Exact redirect URIs; a request naming any other is refused without redirecting. */
  redirectUris: readonly string[];
  /** Where logout may send the browser back to (exact). */
  postLogoutRedirectUris?: readonly string[];
}

/** An authorization request that passed its checks, waiting for the user to sign in on the login page. */
export interface PendingLogin {
  clientId: string;
  redirectUri: string;
  state?: string;
  nonce?: string;
  codeChallenge: string;
  scope: string;
  language: LoginLanguage;
  expiresAt: number;
}

interface IssuedCode {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  nonce?: string;
  scope: string;
  username: string;
  authTime: number;
  expiresAt: number;
}

interface IssuedRefresh {
  clientId: string;
  username: string;
  nonce?: string;
  scope: string;
  authTime: number;
  expiresAt: number;
}

/** What checking an authorization request gives: a login to show, an error to show, or an error to send back. */
export type AuthorizationCheck =
  | { kind: 'login'; loginId: string; pending: PendingLogin }
  | { kind: 'show-error'; status: number; message: string }
  | { kind: 'redirect-error'; location: string };

const LOGIN_TTL_MS = 10 * 60_000;
const CODE_TTL_MS = 60_000;
const REFRESH_TTL_MS = 30 * 60_000;
const MAX_PENDING = 10_000;
// RFC 7636 §4.1: 43–128 characters of [A-Z a-z 0-9 - . _ ~]; S256's challenge is 43 base64url characters.
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;
const CHALLENGE = /^[A-Za-z0-9_-]{43}$/;
const opaque = () => randomBytes(32).toString('base64url');
const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

/** The state of the code flow in one issuer: pending logins, one-time codes, rotating refresh tokens (in memory). */
export class CodeFlow {
  private readonly logins = new Map<string, PendingLogin>();
  private readonly codes = new Map<string, IssuedCode>();
  private readonly refreshes = new Map<string, IssuedRefresh>();

  constructor(
    readonly client: CodeFlowClient | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Checks an authorization request (RFC 6749 §4.1.1, §3.1.2.4): an unknown client or a redirect URI that is not
   * registered is shown as an error and never redirected to; any other fault goes back to the client as an error.
   */
  authorize(query: URLSearchParams): AuthorizationCheck {
    const client = this.client;
    const clientId = query.get('client_id');
    if (!client || clientId !== client.clientId) return { kind: 'show-error', status: 400, message: 'client' };
    const redirectUri = query.get('redirect_uri') ?? '';
    if (!client.redirectUris.includes(redirectUri)) return { kind: 'show-error', status: 400, message: 'redirect_uri' };
    const state = query.get('state') ?? undefined;
    const back = (error: string, description: string): AuthorizationCheck => ({
      kind: 'redirect-error',
      location: withParams(redirectUri, { error, error_description: description, ...(state !== undefined ? { state } : {}) }),
    });
    if (query.get('response_type') !== 'code') return back('unsupported_response_type', 'Only the code flow is supported');
    const scope = query.get('scope') ?? '';
    if (!scope.split(' ').includes('openid')) return back('invalid_scope', 'The scope must include openid');
    if (query.get('code_challenge_method') !== 'S256') return back('invalid_request', 'PKCE with S256 is required');
    const codeChallenge = query.get('code_challenge') ?? '';
    if (!CHALLENGE.test(codeChallenge)) return back('invalid_request', 'Invalid code_challenge');
    const nonce = query.get('nonce') ?? undefined;
    const language = loginLanguage(query.get('ui_locales'));
    this.sweep();
    if (this.logins.size >= MAX_PENDING) return back('temporarily_unavailable', 'Too many pending logins');
    const loginId = opaque();
    const pending: PendingLogin = {
      clientId,
      redirectUri,
      codeChallenge,
      scope,
      language,
      expiresAt: this.now() + LOGIN_TTL_MS,
      ...(state !== undefined ? { state } : {}),
      ...(nonce !== undefined ? { nonce } : {}),
    };
    this.logins.set(loginId, pending);
    return { kind: 'login', loginId, pending };
  }

  /** The pending login behind a login form, if it is still open. */
  pendingLogin(loginId: string): PendingLogin | undefined {
    const pending = this.logins.get(loginId);
    return pending && pending.expiresAt > this.now() ? pending : undefined;
  }

  /** The user signed in: the login is used up, and the redirect carries a one-time code (and the state, and `iss`). */
  signedIn(loginId: string, user: IssuerUser, issuer: string): string | undefined {
    const pending = this.pendingLogin(loginId);
    this.logins.delete(loginId);
    if (!pending) return undefined;
    const code = opaque();
    this.codes.set(code, {
      clientId: pending.clientId,
      redirectUri: pending.redirectUri,
      codeChallenge: pending.codeChallenge,
      scope: pending.scope,
      username: user.username,
      authTime: Math.floor(this.now() / 1000),
      expiresAt: this.now() + CODE_TTL_MS,
      ...(pending.nonce !== undefined ? { nonce: pending.nonce } : {}),
    });
    return withParams(pending.redirectUri, { code, ...(pending.state !== undefined ? { state: pending.state } : {}), iss: issuer });
  }

  /**
   * Redeems a code (RFC 6749 §4.1.3, RFC 7636 §4.6): once, within a minute, by the client it was issued to, with the
   * same redirect URI and the verifier whose S256 is the challenge. A code is gone after its first attempt.
   */
  redeem(form: URLSearchParams): { username: string; nonce?: string; scope: string; authTime: number } | { error: string } {
    const code = form.get('code') ?? '';
    const issued = this.codes.get(code);
    this.codes.delete(code);
    if (!issued || issued.expiresAt <= this.now()) return { error: 'Code not valid' };
    if (issued.clientId !== this.client?.clientId) return { error: 'Code not valid' };
    if (form.get('redirect_uri') !== issued.redirectUri) return { error: 'Incorrect redirect_uri' };
    const verifier = form.get('code_verifier') ?? '';
    if (!VERIFIER.test(verifier) || s256(verifier) !== issued.codeChallenge) return { error: 'PKCE verification failed' };
    return {
      username: issued.username,
      scope: issued.scope,
      authTime: issued.authTime,
      ...(issued.nonce !== undefined ? { nonce: issued.nonce } : {}),
    };
  }

  /** A new refresh token for a signed-in user. */
  issueRefresh(grant: { username: string; nonce?: string; scope: string; authTime: number }): string {
    const token = opaque();
    this.refreshes.set(token, { clientId: this.client?.clientId ?? '', ...grant, expiresAt: this.now() + REFRESH_TTL_MS });
    return token;
  }

  /** Redeems a refresh token once (rotation): the old one stops working as the new one is issued. */
  refresh(token: string): IssuedRefresh | undefined {
    const issued = this.refreshes.get(token);
    this.refreshes.delete(token);
    return issued && issued.expiresAt > this.now() ? issued : undefined;
  }

  /** Logout ends every refresh token of the user (the portal's session dies with it). */
  signOut(username: string): void {
    for (const [token, issued] of this.refreshes) if (issued.username === username) this.refreshes.delete(token);
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, pending] of this.logins) if (pending.expiresAt <= now) this.logins.delete(id);
    for (const [code, issued] of this.codes) if (issued.expiresAt <= now) this.codes.delete(code);
    for (const [token, issued] of this.refreshes) if (issued.expiresAt <= now) this.refreshes.delete(token);
  }
}

function withParams(uri: string, params: Record<string, string>): string {
  const url = new URL(uri);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.toString();
}

const TEXT = {
  nl: {
    title: 'Inloggen bij Vertrouwd',
    username: 'Gebruikersnaam',
    password: 'Wachtwoord',
    submit: 'Inloggen',
    wrong: 'De gebruikersnaam of het wachtwoord klopt niet.',
    expired: 'Deze inlogpagina is verlopen. Ga terug naar het portaal en probeer het opnieuw.',
    client: 'Deze inlogaanvraag komt niet van een bekende toepassing.',
    redirect_uri: 'Deze inlogaanvraag wil terug naar een adres dat niet is geregistreerd.',
    dev: 'Ontwikkelomgeving: elk account heeft het demowachtwoord.',
  },
  en: {
    title: 'Sign in to Vertrouwd',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    wrong: 'The username or password is not right.',
    expired: 'This sign-in page has expired. Go back to the portal and try again.',
    client: 'This sign-in request does not come from a known application.',
    redirect_uri: 'This sign-in request wants to return to an address that is not registered.',
    dev: 'Development issuer: every account has the demo password.',
  },
  pl: {
    title: 'Logowanie do Vertrouwd',
    username: 'Nazwa użytkownika',
    password: 'Hasło',
    submit: 'Zaloguj się',
    wrong: 'Nazwa użytkownika lub hasło są nieprawidłowe.',
    expired: 'Ta strona logowania wygasła. Wróć do portalu i spróbuj ponownie.',
    client: 'To żądanie logowania nie pochodzi ze znanej aplikacji.',
    redirect_uri: 'To żądanie logowania chce wrócić pod adres, który nie jest zarejestrowany.',
    dev: 'Środowisko deweloperskie: każde konto ma hasło demonstracyjne.',
  },
  tr: {
    title: "Vertrouwd'a giriş yapın",
    username: 'Kullanıcı adı',
    password: 'Parola',
    submit: 'Giriş yap',
    wrong: 'Kullanıcı adı veya parola doğru değil.',
    expired: 'Bu giriş sayfasının süresi doldu. Portala dönüp yeniden deneyin.',
    client: 'Bu giriş isteği bilinen bir uygulamadan gelmiyor.',
    redirect_uri: 'Bu giriş isteği kayıtlı olmayan bir adrese dönmek istiyor.',
    dev: 'Geliştirme ortamı: her hesabın parolası demo parolasıdır.',
  },
  ar: {
    title: 'تسجيل الدخول إلى Vertrouwd',
    username: 'اسم المستخدم',
    password: 'كلمة المرور',
    submit: 'تسجيل الدخول',
    wrong: 'اسم المستخدم أو كلمة المرور غير صحيحة.',
    expired: 'انتهت صلاحية صفحة تسجيل الدخول هذه. ارجع إلى البوابة وحاول مرة أخرى.',
    client: 'طلب تسجيل الدخول هذا لا يأتي من تطبيق معروف.',
    redirect_uri: 'طلب تسجيل الدخول هذا يريد العودة إلى عنوان غير مسجل.',
    dev: 'بيئة التطوير: لكل حساب كلمة المرور التجريبية.',
  },
} as const satisfies Record<string, Record<string, string>>;

export type LoginText = keyof (typeof TEXT)['nl'];

/** The portal's five languages; the first of `ui_locales` that is one of them, else Dutch. */
export type LoginLanguage = keyof typeof TEXT;
export function loginLanguage(uiLocales: string | null | undefined): LoginLanguage {
  const wanted = (uiLocales ?? '').split(' ').find((tag) => tag.split('-')[0] in TEXT);
  return wanted ? (wanted.split('-')[0] as LoginLanguage) : 'nl';
}

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The login page: plain HTML, no script, no style sheet, a form that posts back with the login's id. */
export function loginPage(options: {
  language: LoginLanguage;
  action: string;
  loginId?: string;
  error?: LoginText;
  username?: string;
}): string {
  const t = TEXT[options.language];
  const error = options.error ? `<p role="alert" id="error"><strong>${escape(t[options.error])}</strong></p>` : '';
  const described = options.error === 'wrong' ? ' aria-describedby="error" aria-invalid="true"' : '';
  const form =
    options.loginId === undefined
      ? ''
      : `<form method="post" action="${escape(options.action)}">
<input type="hidden" name="login" value="${escape(options.loginId)}">
<p><label for="username">${t.username}</label><br><input id="username" name="username" dir="auto" autocomplete="username" required value="${escape(options.username ?? '')}"${described}></p>
<p><label for="password">${t.password}</label><br><input id="password" name="password" type="password" autocomplete="current-password" required${described}></p>
<p><button type="submit">${t.submit}</button></p>
</form>
<p><small>${t.dev}</small></p>`;
  return `<!doctype html>
<html lang="${options.language}" dir="${options.language === 'ar' ? 'rtl' : 'ltr'}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t.title}</title></head>
<body><main>
<h1>${t.title}</h1>
${error}
${form}
</main></body>
</html>
`;
}

/** The headers of every login page: nothing loads, nothing frames it, nothing is cached or referred. */
export const LOGIN_PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': "default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
} as const;
