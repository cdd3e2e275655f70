import type { ServerResponse } from 'node:http';

/**
 * The platform's icon, as browsers ask for it at `/favicon.ico` and as the pages name it (`/favicon.svg`): a speech
 * bubble with a check, in the portal's blue. An SVG at both paths (browsers take an icon by its type, not its name),
 * so a browser's first request for it is not a 404 in every log.
 */
export const SITE_ICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">' +
  '<path d="M6 4h20a4 4 0 0 1 4 4v12a4 4 0 0 1-4 4H14l-7 6v-6H6a4 4 0 0 1-4-4V8a4 4 0 0 1 4-4z" fill="#154273"/>' +
  '<path d="M10 14l4 4 8-8" fill="none" stroke="#fff" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/>' +
  '</svg>';

const ICON_PATHS = new Set(['/favicon.ico', '/favicon.svg']);

/** Answers a GET or HEAD for the icon (cacheable for a day); false for any other request. */
export function serveSiteIcon(method: string | undefined, pathname: string, res: ServerResponse): boolean {
  if (!ICON_PATHS.has(pathname) || (method !== 'GET' && method !== 'HEAD')) return false;
  res.writeHead(200, {
    'Content-Type': 'image/svg+xml',
    'Content-Length': Buffer.byteLength(SITE_ICON_SVG),
    'Cache-Control': 'public, max-age=86400',
  });
  res.end(method === 'HEAD' ? undefined : SITE_ICON_SVG);
  return true;
}
