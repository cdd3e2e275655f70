import { data } from 'react-router';

/**
 * One call to a service's HTTP API on the signed-in user's behalf, from the portal's server: their access token as
 * the bearer. The service decides access again; its 404 and 403 become the portal's own (nothing of its answer is
 * shown), and so does a read's 400 (as a 404, `refuseRead`); any other failure an error page. Bodies of failed answers
 * are never logged: they may name a case.
 */
export async function callService(
  base: string,
  path: string,
  accessToken: string,
  init: { method?: 'GET' | 'POST' | 'PUT' | 'DELETE'; body?: unknown; accept?: string; ifMatch?: number } = {},
): Promise<Response> {
  const response = await fetch(`${base}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${accessToken}`,
      accept: init.accept ?? 'application/json',
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      // The version the user's form was loaded with: the service refuses the write (412) when it changed since.
      ...(init.ifMatch !== undefined ? { 'if-match': `"${init.ifMatch}"` } : {}),
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    signal: AbortSignal.timeout(15_000),
  });
  return response;
}

/** The JSON of a successful read; a refusal is the portal's own (`refuseRead`), anything else fails the page. */
export async function readJson<T>(response: Response, what: string): Promise<T> {
  if (response.ok) return (await response.json()) as T;
  await response.body?.cancel();
  refuseRead(response.status, what);
  throw new Error(`${what}: the service answered ${response.status}`);
}

/**
 * A service's refusal of a read, thrown as the portal's own: 404 and 403 as they are, and a 400 as a 404 (a read
 * answers 400 only for an address that names nothing, a case id that is not one). The 400 is said in the log, by the
 * read's name and status only, so that a read the portal itself got wrong is not hidden behind a 404. Any other status
 * returns: the caller fails the page.
 */
export function refuseRead(status: number, what: string): void {
  if (status === 400) console.warn(`${what}: the service answered 400; shown as not found`);
  if (status === 404 || status === 400) throw data(null, { status: 404 });
  if (status === 403) throw data(null, { status: 403 });
}

/** How a command the user gave went: done, or refused by the service with its status (the page says why). */
export type Outcome = { ok: true } | { ok: false; status: number };

export async function outcomeOf(response: Response, what: string): Promise<Outcome> {
  await response.body?.cancel();
  if (response.ok) return { ok: true };
  if (response.status === 404 || response.status === 403) throw data(null, { status: response.status });
  if (response.status >= 500) throw new Error(`${what}: the service answered ${response.status}`);
  return { ok: false, status: response.status };
}
