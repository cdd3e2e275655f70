import { randomUUID } from 'node:crypto';
import { createServer, STATUS_CODES, type IncomingMessage, type RequestListener } from 'node:http';
import type { Duplex } from 'node:stream';
import { ExpressAdapter } from '@nestjs/platform-express';
import { PROBLEM_CONTENT_TYPE, ProblemType } from '../problem/problem';
import { CORRELATION_ID_HEADER } from './correlation-id.middleware';
import { SECURITY_HEADERS } from './security-headers.middleware';

/** The limits of the HTTP server itself, below Express: what a client may hold open and send before any route. */
export interface ServerLimits {
  /** Time to send the complete headers (default 10 s): a slowloris connection is closed after it. */
  headersMs: number;
  /** Time to send the whole request, body included (default 30 s). */
  requestMs: number;
}

export const DEFAULT_SERVER_LIMITS: ServerLimits = { headersMs: 10_000, requestMs: 30_000 };

/** Request line and headers together (Node's default, stated): beyond it a 431. */
export const MAX_HEADER_BYTES = 16 * 1024;

/**
 * Express behind a Node server created with the platform's limits, and Node's bare answers to requests it cannot
 * parse (431, 400, 408) replaced by problem+json ones. Node checks timeouts every `connectionsCheckingInterval`
 * (30 s by default), so that is tightened too: a slow connection is closed within about `headersMs` plus a second.
 */
export class PlatformExpressAdapter extends ExpressAdapter {
  constructor(private readonly limits: ServerLimits) {
    super();
  }

  // Nest's options for its own server (HTTPS, 503 on closing, forced close) are not used by the platform: TLS ends
  // at the proxy, readiness answers 503 while closing.
  override initHttpServer(): void {
    const server = createServer(
      {
        maxHeaderSize: MAX_HEADER_BYTES,
        // Node's own check answers a bare 400 with no body; `guardTarget` answers the same refusal as a problem.
        requireHostHeader: false,
        headersTimeout: this.limits.headersMs,
        requestTimeout: this.limits.requestMs,
        connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(this.limits.headersMs / 2))),
      },
      guardTarget(this.getInstance<RequestListener>()),
    );
    server.on('clientError', answerClientError);
    // Node hands CONNECT to this event only, and without a listener drops the connection unanswered.
    server.on('connect', (_req: IncomingMessage, socket: Duplex) =>
      writeProblem(socket, 405, ProblemType.methodNotAllowed, 'CONNECT is not served.'),
    );
    this.setHttpServer(server);
  }
}

/**
 * A request without the Host header HTTP/1.1 requires is answered here, and a request target that makes no URL
 * (`GET http://[/`): Express's router cannot read its path and
 * skips every layer, the kit's problem filter included, to answer with its own HTML 404.
 */
function guardTarget(app: RequestListener): RequestListener {
  return (req, res) => {
    // HTTP/1.1 requires a Host header (RFC 9112, 3.2), as Node's own check would refuse it.
    const hostless = req.httpVersionMajor === 1 && req.httpVersionMinor === 1 && req.headers.host === undefined;
    if (!hostless && URL.parse(req.url ?? '/', 'http://service') !== null) {
      app(req, res);
      return;
    }
    const detail = hostless ? 'An HTTP/1.1 request must carry a Host header.' : 'The request target is not a valid URL.';
    const { body, headers } = problemOf(400, ProblemType.badRequest, detail);
    res.writeHead(400, headers).end(body);
  };
}

const CLIENT_ERRORS: Record<string, { status: number; type: string; detail: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    type: ProblemType.requestHeaderFieldsTooLarge,
    detail: `The request line and headers exceed ${MAX_HEADER_BYTES} bytes.`,
  },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, type: ProblemType.requestTimeout, detail: 'The request was not received in time.' },
};
const MALFORMED = { status: 400, type: ProblemType.badRequest, detail: 'The request is not well-formed HTTP.' };

/** What Node's default does (RFC 9457 body instead of none); a reset or a socket already answering is just closed. */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  const answering = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent === true;
  if (error.code === 'ECONNRESET' || !socket.writable || answering) {
    socket.destroy();
    return;
  }
  const { status, type, detail } = CLIENT_ERRORS[error.code ?? ''] ?? MALFORMED;
  writeProblem(socket, status, type, detail);
}

/** A whole response written on the socket, for what Node answers before any listener runs. */
function writeProblem(socket: Duplex, status: number, type: string, detail: string): void {
  const { body, headers } = problemOf(status, type, detail);
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n${head.join('')}\r\n${body}`);
}

/** A problem answered before Express: the security headers, a fresh correlation id, the connection closed. */
function problemOf(status: number, type: string, detail: string): { body: string; headers: Record<string, string> } {
  const correlationId = randomUUID();
  const title = STATUS_CODES[status] ?? 'Error';
  const body = JSON.stringify({ type, title, status, detail, instance: `urn:uuid:${correlationId}`, correlationId });
  const headers = {
    ...SECURITY_HEADERS,
    'Content-Type': PROBLEM_CONTENT_TYPE,
    'Content-Length': String(Buffer.byteLength(body)),
    [CORRELATION_ID_HEADER]: correlationId,
    Connection: 'close',
  };
  return { body, headers };
}
