import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A mail the catcher received, as its mailbox API serves it. */
export interface CaughtMessage {
  id: string;
  receivedAt: string;
  /** The envelope's sender and recipients (what the SMTP exchange said, not the headers). */
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** The `Content-Language` header. */
  language: string;
  /** The `X-Vertrouwd-Notice` header: which kind of notice it is. */
  kind: string;
}

export interface SmtpCatcherOptions {
  host?: string;
  /** 0 (the default): any free port. */
  smtpPort?: number;
  httpPort?: number;
  /** The oldest messages are dropped beyond this many (default 1 000). */
  keep?: number;
}

export interface SmtpCatcher {
  /** `smtp://host:port`: what SMTP_URL is set to. */
  smtpUrl: string;
  /** `http://host:port`: the mailbox API (`GET /messages`, `GET /messages?to=…`, `DELETE /messages`). */
  mailboxUrl: string;
  messages(to?: string): CaughtMessage[];
  clear(): void;
  stop(): Promise<void>;
}

/**
 * A real SMTP server that keeps what it receives in memory and serves it over a small HTTP mailbox API: the local
 * stand-in for Mailpit, run by `npm start` and read by the tests. It delivers nothing anywhere and logs nothing
 * (what it receives are e-mail addresses). Local use only: it listens on 127.0.0.1 unless told otherwise.
 */
export async function startSmtpCatcher(options: SmtpCatcherOptions = {}): Promise<SmtpCatcher> {
  const host = options.host ?? '127.0.0.1';
  const keep = options.keep ?? 1_000;
  const store: CaughtMessage[] = [];
  const smtp = new SMTPServer({
    logger: false,
    disabledCommands: ['AUTH', 'STARTTLS'],
    banner: 'Vertrouwd local mail catcher',
    size: 1024 * 1024,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          store.push({
            id: randomUUID(),
            receivedAt: new Date().toISOString(),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
            language: headerText(mail.headers.get('content-language')),
            kind: headerText(mail.headers.get('x-vertrouwd-notice')),
          });
          if (store.length > keep) store.splice(0, store.length - keep);
          callback();
        })
        .catch(() => callback(new Error('message not understood')));
    },
  });
  const messages = (to?: string) => (to ? store.filter((m) => m.to.includes(to.toLowerCase())) : [...store]);
  const clear = () => void store.splice(0, store.length);
  const http = createServer((req, res) => serveMailbox(req, res, messages, clear));

  const smtpPort = await listen((port, done) => smtp.listen(port, host, done), smtp.server, options.smtpPort ?? 0);
  const httpPort = await listen((port, done) => http.listen(port, host, done), http, options.httpPort ?? 0).catch(
    async (error: unknown) => {
      await new Promise<void>((resolve) => smtp.close(() => resolve())); // nothing left listening when the mailbox cannot
      throw error;
    },
  );
  return {
    smtpUrl: `smtp://${host}:${smtpPort}`,
    mailboxUrl: `http://${host}:${httpPort}`,
    messages,
    clear,
    stop: async () => {
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    },
  };
}

function headerText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function listen(
  start: (port: number, done: () => void) => void,
  server: Server | import('node:net').Server,
  port: number,
): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    start(port, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function serveMailbox(req: IncomingMessage, res: ServerResponse, messages: (to?: string) => CaughtMessage[], clear: () => void): void {
  const url = new URL(req.url ?? '/', 'http://mailbox');
  const reply = (status: number, body?: unknown) => {
    res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  };
  if (url.pathname !== '/messages') return reply(404, { title: 'Not found: the mailbox is at /messages' });
  if (req.method === 'GET') return reply(200, messages(url.searchParams.get('to') ?? undefined));
  if (req.method === 'DELETE') return (clear(), reply(204));
  return reply(405, { title: 'GET or DELETE' });
}
