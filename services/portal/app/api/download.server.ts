import { STATUS_CODES } from 'node:http';
import { refuseRead } from './http.server';

/**
 * A file from a service, passed on to the browser: its body, type and file name only (no other header of the
 * service's), never cached. A refusal is the portal's own (`refuseRead`: a 400, an invoice number that is not one, is
 * a 404).
 */
export async function passOn(response: Response): Promise<Response> {
  if (!response.ok) {
    await response.body?.cancel();
    refuseRead(response.status, 'download');
    throw new Error(`download: the service answered ${response.status}`);
  }
  const headers = new Headers({ 'Cache-Control': 'no-store' });
  for (const name of ['content-type', 'content-disposition', 'content-length']) {
    const value = response.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(response.body, { status: 200, headers });
}

/**
 * A download's loader. A download is a resource route, with no page to show a refusal on: React Router would answer a
 * thrown `data(null, { status: 404 })` with the JSON `null`. Here a refusal (a 4xx) is a short plain-text answer.
 */
export async function download(work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (thrown) {
    const status = refusalStatus(thrown);
    if (status === undefined) throw thrown;
    return new Response(`${status} ${STATUS_CODES[status] ?? ''}\n`, {
      status,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  }
}

/**
 * The status of a refusal thrown on the way, when it is a 4xx: a `data(null, { status })` (React Router's
 * `DataWithResponseInit`) or a bare Response (`pageLanguage`'s 404). A redirect is not a refusal: it goes on.
 */
function refusalStatus(thrown: unknown): number | undefined {
  let status: unknown;
  if (thrown instanceof Response) status = thrown.status;
  else if ((thrown as { type?: unknown } | null)?.type === 'DataWithResponseInit')
    status = (thrown as { init?: { status?: unknown } }).init?.status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}
