import { randomUUID } from 'node:crypto';
import { createServer, STATUS_CODES, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { COMMON_SECURITY_HEADERS, type SecurityHeaders } from './security-headers.ts';

/** What a web service takes from a browser before any page sees the request: beyond it, a problem+json 4xx. */
export interface WebRequestLimits {
  /** Request line and headers together, as the API services (431 beyond). */
  headerBytes: number;
  /** Time to send the headers (408 after it): a connection that trickles them is closed. */
  headersMs: number;
  /** Time to send the whole request, body included (408 after it). */
  requestMs: number;
  /** A form's body (413 beyond): the pages read a form whole, so its size is the memory a post costs. */
  formBytes: number;
}

/**
 * The longest form of either service, a 20,000-character account, percent-encodes to at most about 180 kB (nine
 * bytes for each character of three UTF-8 bytes). Parsing a form and showing it again costs its size: 16 posts of
 * 1 MB at once held the site's event loop for a second, of 250 kB a tenth of that.
 */
export const WEB_REQUEST_LIMITS: WebRequestLimits = {
  headerBytes: 16 * 1024,
  headersMs: 10_000,
  requestMs: 30_000,
  formBytes: 256 * 1024,
};

export interface Refusal {
  status: number;
  /** The problem type's last segment, as the API services name them (`https://vertrouwd.nl/problems/…`). */
  type: string;
  detail: string;
}

const FORM = 'application/x-www-form-urlencoded';
/** What the pages answer: pages and forms. A fetch Request cannot even be made for TRACE (it was a 500). */
const METHODS = new Set(['GET', 'HEAD', 'POST']);
const NOT_ALLOWED: Refusal = { status: 405, type: 'method-not-allowed', detail: 'The pages take GET, HEAD and POST.' };

/**
 * Why a request is refused before the pages see it, or undefined. Its target and `Host` must make a URL without
 * credentials (`GET //` made `new URL` throw in the request listener, which ended the process; `Host: [` was a
 * 500), and its path must decode (`%zz`, `%C0%AF`, an encoded lone surrogate: a 400); its method GET, HEAD or POST
 * (405). A POST is a form: `application/x-www-form-urlencoded`, the only kind the pages send (`formData()` threw on
 * JSON, text or a broken multipart body: a 500), with a `Content-Length` of at most `formBytes`. A post with no body
 * at all is given the form type: an empty form, as a browser sends it.
 */
export function checkRequest(req: IncomingMessage, limits: WebRequestLimits = WEB_REQUEST_LIMITS): Refusal | undefined {
  const target = req.url ?? '/';
  // HTTP/1.1 requires Host (Node's own check, turned off in `createWebServer`, answered a bare 400 without a body).
  if (req.headers.host === undefined && req.httpVersion !== '1.0') {
    return { status: 400, type: 'bad-request', detail: 'An HTTP/1.1 request needs a Host header.' };
  }
  // React Router's own URL; a fetch Request refuses one with credentials (`Host: a@b`).
  const url = URL.parse(`http://${req.headers.host ?? 'localhost'}${target}`);
  if (URL.parse(target, 'http://site') === null || url === null || url.username !== '' || url.password !== '') {
    return { status: 400, type: 'bad-request', detail: 'The request target and Host header do not make a URL.' };
  }
  // React Router decodes each segment of the path; one that does not decode it matches as it is, after a warning on
  // the console that quotes the path (caller input in the service's log). No page has such a path.
  if (!decodes(url.pathname)) return { status: 400, type: 'bad-request', detail: 'The request path is not percent-encoded UTF-8.' };
  if (!METHODS.has(req.method ?? 'GET')) return NOT_ALLOWED;
  if (req.method !== 'POST') return undefined;
  const chunked = req.headers['transfer-encoding'] !== undefined;
  const length = Number(req.headers['content-length'] ?? 0);
  if (!chunked && length === 0 && req.headers['content-type'] === undefined) req.headers['content-type'] = FORM;
  if ((req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase() !== FORM) {
    return { status: 415, type: 'unsupported-media-type', detail: `Send a form as ${FORM}.` };
  }
  if (chunked) return { status: 411, type: 'length-required', detail: 'Send a form with its Content-Length.' };
  if (length > limits.formBytes) {
    return { status: 413, type: 'payload-too-large', detail: `A form may have ${limits.formBytes} bytes at most.` };
  }
  return undefined;
}

function decodes(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/** Answers a refusal as problem+json and closes the connection, so a body still on its way is not read. */
export function answerRefusal(res: ServerResponse, refusal: Refusal): void {
  const { body, correlationId } = problemOf(refusal);
  res.writeHead(refusal.status, {
    'Content-Type': 'application/problem+json',
    'Content-Length': Buffer.byteLength(body),
    'X-Correlation-Id': correlationId,
    ...allowOf(refusal),
    Connection: 'close',
  });
  res.end(body);
}

/**
 * A Node server with the limits, whose answers to what Node cannot parse (431, 408, 400) are problem+json with the
 * service's security headers instead of Node's bare ones. Node checks the timeouts every `connectionsCheckingInterval`
 * (30 s by default): tightened, a trickling connection is closed within about `headersMs` plus a second.
 */
export function createWebServer(
  headers: SecurityHeaders,
  listener: RequestListener,
  limits: WebRequestLimits = WEB_REQUEST_LIMITS,
): Server {
  const server = createServer(
    {
      maxHeaderSize: limits.headerBytes,
      // Node's own check answers a bare 400 with no body; `checkRequest` answers the same refusal as a problem.
      requireHostHeader: false,
      headersTimeout: limits.headersMs,
      requestTimeout: limits.requestMs,
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(limits.headersMs / 2))),
    },
    listener,
  );
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => answerClientError(error, socket, headers));
  // Node hands CONNECT to this event only, and without a listener drops the connection unanswered.
  server.on('connect', (_req: IncomingMessage, socket: Duplex) => writeProblem(socket, NOT_ALLOWED, headers));
  return server;
}

const CLIENT_ERRORS: Record<string, Refusal> = {
  HPE_HEADER_OVERFLOW: { status: 431, type: 'request-header-fields-too-large', detail: 'The request line and headers are too large.' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, type: 'request-timeout', detail: 'The request was not received in time.' },
};
const MALFORMED: Refusal = { status: 400, type: 'bad-request', detail: 'The request is not well-formed HTTP.' };

/** What Node's default does, with a body; a reset, or a socket already answering, is only closed. */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex, headers: SecurityHeaders): void {
  const answering = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent === true;
  if (error.code === 'ECONNRESET' || !socket.writable || answering) {
    socket.destroy();
    return;
  }
  writeProblem(socket, CLIENT_ERRORS[error.code ?? ''] ?? MALFORMED, headers);
}

/** A whole response written on the socket, for the requests Node answers before any listener runs. */
function writeProblem(socket: Duplex, refusal: Refusal, headers: SecurityHeaders): void {
  const { body, correlationId } = problemOf(refusal);
  const head = {
    'Content-Security-Policy': headers.contentSecurityPolicy,
    'Referrer-Policy': headers.referrerPolicy,
    ...COMMON_SECURITY_HEADERS,
    'Cache-Control': 'no-store',
    'Content-Type': 'application/problem+json',
    'Content-Length': String(Buffer.byteLength(body)),
    'X-Correlation-Id': correlationId,
    ...allowOf(refusal),
    Connection: 'close',
  };
  const lines = Object.entries(head).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.end(`HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status]}\r\n${lines.join('')}\r\n${body}`);
}

const allowOf = (refusal: Refusal) => (refusal === NOT_ALLOWED ? { Allow: [...METHODS].join(', ') } : {});

/** RFC 9457, quoting nothing of the request: the occurrence is named by a fresh id. */
function problemOf({ status, type, detail }: Refusal): { body: string; correlationId: string } {
  const correlationId = randomUUID();
  const title = STATUS_CODES[status] ?? 'Error';
  const problem = {
    type: `https://vertrouwd.nl/problems/${type}`,
    title,
    status,
    detail,
    instance: `urn:uuid:${correlationId}`,
    correlationId,
  };
  return { body: JSON.stringify(problem), correlationId };
}
