import type { IncomingMessage } from 'node:http';

/**
 * Whether a form post comes from this site's own pages. With `Referrer-Policy: no-referrer` the browser sends
 * `Origin: null` on our own form posts, which React Router's CSRF check refuses (400); so the browser's Fetch
 * Metadata decides: `Sec-Fetch-Site: same-origin` (or a browser too old to send it) is ours, and the opaque origin
 * is dropped before the router sees it; a post from another site is refused. A real origin must name this host (the
 * router's own check, made here: refused by the router it was a plain-text 400 and a stack trace in the log for
 * every such post).
 */
export function acceptFormOrigin(req: IncomingMessage): boolean {
  if (req.method !== 'POST') return true;
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const { origin } = req.headers;
  if (origin === 'null') delete req.headers.origin;
  else if (origin !== undefined && URL.parse(origin)?.host !== req.headers.host) return false;
  return true;
}
