import { renderToStaticMarkup } from 'react-dom/server';
import { ServerRouter, type EntryContext, type HandleErrorFunction, type RouterContextProvider } from 'react-router';
import { logPageError } from '@vertrouwd/web-kit/server';
import { RequestContextProvider } from './request-context';

/**
 * Renders each page whole, as one string, before answering. The reporter's pages have no script, so streaming and
 * Suspense would buy nothing and nothing is hydrated (no markers for React in the HTML). The request's context goes
 * to the page (app/request-context.tsx). The security headers are the server's, on every response
 * (server/security-headers.ts).
 */
export default function handleRequest(
  request: Request,
  status: number,
  headers: Headers,
  routerContext: EntryContext,
  loadContext: RouterContextProvider,
): Response {
  headers.set('Content-Type', 'text/html; charset=utf-8');
  if (request.method.toUpperCase() === 'HEAD') return new Response(null, { status, headers });
  const html = renderToStaticMarkup(
    <RequestContextProvider context={loadContext}>
      <ServerRouter context={routerContext} url={request.url} />
    </RequestContextProvider>,
  );
  return new Response(Buffer.from(`<!DOCTYPE html>${html}`), { status, headers });
}

/**
 * What a loader or action threw (not a response it threw on purpose), logged by its class and a correlation id only:
 * React Router's default would print the whole error, whose message may quote what a reporter wrote.
 */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (!request.signal.aborted) logPageError('reporter-site', error);
};
