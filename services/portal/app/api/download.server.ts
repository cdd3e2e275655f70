import { data } from 'react-router';

/**
 * A file from a service, passed on to the browser: its body, type and file name only (no other header of the
 * service's), never cached. 404 and 403 become the portal's own.
 */
export async function passOn(response: Response): Promise<Response> {
  if (!response.ok) {
    await response.body?.cancel();
    if (response.status === 404 || response.status === 403) throw data(null, { status: response.status });
    throw new Error(`download: the service answered ${response.status}`);
  }
  const headers = new Headers({ 'Cache-Control': 'no-store' });
  for (const name of ['content-type', 'content-disposition', 'content-length']) {
    const value = response.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(response.body, { status: 200, headers });
}
