/**
 * The header in which a web service's server hands its pages the address of the browser it serves (the socket's
 * peer; any such header the browser sent is dropped first, so a page never trusts a browser's claim). A page that
 * calls an API on a visitor's behalf forwards it where that API's limits count visitors (intake, through
 * `INTAKE_PROXY_SECRET`).
 */
export const CLIENT_ADDRESS_HEADER = 'x-web-client-address';

/** The browser's address as the web service's server saw it; undefined outside that server (e.g. a unit test). */
export function clientAddressOf(request: Request): string | undefined {
  return request.headers.get(CLIENT_ADDRESS_HEADER) ?? undefined;
}
