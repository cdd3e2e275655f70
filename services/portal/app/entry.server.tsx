import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { renderToPipeableStream } from 'react-dom/server';
import { ServerRouter, type EntryContext, type HandleErrorFunction } from 'react-router';
import { logPageError } from '@vertrouwd/web-kit/server';
import { contentSecurityPolicy, issuerOriginOf } from '../server/security-headers';
import { LANGUAGES, loadMessages } from './i18n/languages';

// Every language's messages, imported before the first page renders: a render that had to wait for them (the root's
// `useMessages`) would be answered without the page's hydration data, and the page would never hydrate.
const messagesLoaded = Promise.all(LANGUAGES.map(loadMessages));
/** The issuer's origin, which the sign-out form may post on to: the environment does not change while the portal runs. */
const issuerOrigin = issuerOriginOf();

/**
 * Renders each page whole before answering (`onAllReady`: no streamed Suspense boundaries), as one body. The page's inline
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
        // The page is whole: React's many small writes are gathered into one body, sent in one piece.
        const chunks: Buffer[] = [];
        const page = new Writable({
          write(chunk: Buffer, _encoding, done) {
            chunks.push(chunk);
            done();
          },
        });
        page.once('finish', () => {
          headers.set('Content-Type', 'text/html; charset=utf-8');
          headers.set('Content-Security-Policy', contentSecurityPolicy({ nonce, issuerOrigin }));
          resolve(new Response(Buffer.concat(chunks), { status: statusCode, headers }));
        });
        pipe(page);
      },
      onShellError: reject,
      onError(error: unknown) {
        statusCode = 500;
        logPageError('portal', error);
      },
    });
  });
}

/**
 * What a loader or action threw (not a response it threw on purpose), logged by its class and a correlation id only:
 * React Router's default would print the whole error, whose message may quote what a user typed.
 */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (!request.signal.aborted) logPageError('portal', error);
};
