import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { createReadableStreamFromReadable } from '@react-router/node';
import { renderToPipeableStream } from 'react-dom/server';
import { ServerRouter, type EntryContext } from 'react-router';
import { contentSecurityPolicy, issuerOriginOf } from '../server/security-headers';
import { LANGUAGES, loadMessages } from './i18n/languages';

// Every language's messages, imported before the first page renders: a render that had to wait for them (the root's
// `useMessages`) would be answered without the page's hydration data, and the page would never hydrate.
const messagesLoaded = Promise.all(LANGUAGES.map(loadMessages));

/**
 * Renders each page whole before answering (`onAllReady`: no streamed Suspense boundaries). The page's inline
 * scripts, React Router's hydration context and the module script that imports the entry, carry a nonce made for
 * this response alone, and the page's Content-Security-Policy allows exactly that nonce (ADR 0044).
 */
export default async function handleRequest(
  request: Request,
  status: number,
  headers: Headers,
  routerContext: EntryContext,
): Promise<Response> {
  if (request.method.toUpperCase() === 'HEAD') return new Response(null, { status, headers });
  await messagesLoaded;
  const nonce = randomBytes(18).toString('base64');
  return new Promise((resolve, reject) => {
    let statusCode = status;
    const { pipe } = renderToPipeableStream(<ServerRouter context={routerContext} url={request.url} nonce={nonce} />, {
      nonce,
      onAllReady() {
        const body = new PassThrough();
        headers.set('Content-Type', 'text/html; charset=utf-8');
        headers.set('Content-Security-Policy', contentSecurityPolicy({ nonce, issuerOrigin: issuerOriginOf() }));
        resolve(new Response(createReadableStreamFromReadable(body), { status: statusCode, headers }));
        pipe(body);
      },
      onShellError: reject,
      onError(error: unknown) {
        statusCode = 500;
        console.error(error);
      },
    });
  });
}
