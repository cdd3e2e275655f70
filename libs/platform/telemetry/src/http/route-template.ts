/** What a route template is read from: Express's request once routing ran, without depending on Express's types. */
export interface RoutedRequest {
  baseUrl?: string;
  route?: { path?: unknown };
}

/**
 * The matched route's template (`/cases/:caseId`), known only once routing ran; never the URL, which carries
 * query strings and the values of path parameters. Undefined when no route matched (404), so a scanner's
 * invented paths never name a span or a log line. A wildcard is no route of a service's: it is where Nest
 * mounted module middleware (`/{/*splat}`), left on a request that no route matched afterwards.
 */
export function routeTemplate(req: RoutedRequest): string | undefined {
  const path = req.route?.path;
  if (typeof path !== 'string' || path.includes('*')) return undefined;
  const full = `${req.baseUrl ?? ''}${path}`;
  return full.startsWith('/') ? full : `/${full}`;
}
