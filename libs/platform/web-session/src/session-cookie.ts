// The session's cookie: only an opaque id, scoped to the whole origin and nothing else (the `__Host-` prefix makes
// the browser refuse it without `Secure`, with a `Domain`, or with a path other than `/`), never readable by script,
// never sent on a request another site starts.

/** 32 random bytes in base64url, as `SessionStore.create` makes them. */
export const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;

const NAME = /^[A-Za-z0-9-]{1,40}$/;

function cookieName(name: string): string {
  if (!NAME.test(name)) throw new Error('A session cookie name is 1–40 letters, digits or hyphens');
  return `__Host-${name}`;
}

/** The `Set-Cookie` value that gives the browser the session id for `maxAgeSeconds`. */
export function sessionCookie(name: string, id: string, maxAgeSeconds: number): string {
  if (!SESSION_ID_PATTERN.test(id)) throw new Error('Not a session id');
  if (!Number.isInteger(maxAgeSeconds) || maxAgeSeconds <= 0) throw new Error('maxAgeSeconds must be a positive integer');
  return `${cookieName(name)}=${id}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; Secure; SameSite=Strict`;
}

/** The `Set-Cookie` value that makes the browser forget the session id. */
export function clearedSessionCookie(name: string): string {
  return `${cookieName(name)}=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Strict`;
}

/**
 * The session id from a request's `Cookie` header, or undefined when there is none or it is not well-formed (then
 * it is never looked up). With several cookies of the name, the first wins, as browsers send the most specific first.
 */
export function sessionIdFrom(cookieHeader: string | null | undefined, name: string): string | undefined {
  if (!cookieHeader) return undefined;
  const wanted = cookieName(name);
  for (const part of cookieHeader.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0 || part.slice(0, separator).trim() !== wanted) continue;
    const value = part.slice(separator + 1).trim();
    return SESSION_ID_PATTERN.test(value) ? value : undefined;
  }
  return undefined;
}
