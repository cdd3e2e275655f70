import { createServer, type Server } from 'node:http';
import { PageVisits } from './page-visits.ts';

// The site's report of the intake-page visits it served, against an HTTP server standing where intake is: what it
// receives is what intake's POST /intake/{code}/page-visits would (intake's own test covers that endpoint).

let server: Server;
let url: string;
let received: { code: string; visits: number; key: string | undefined }[] = [];
let status = 204;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const code = /^\/intake\/([^/]+)\/page-visits$/.exec(req.url ?? '')?.[1] ?? '?';
      if (status < 300)
        received.push({ code, visits: (JSON.parse(body) as { visits: number }).visits, key: req.headers['x-intake-proxy-key'] as string });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  received = [];
  status = 204;
});

const SECRET = 'site-proxy-secret-of-at-least-32-characters';
const intakeCodeOf = (pathname: string) => /^\/([a-z0-9-]+)(\/[a-z]{2})?$/.exec(pathname)?.[1];
const visitsTo = (intakeUrl: string) => new PageVisits({ intakeUrl, secret: SECRET, intakeCodeOf, everyMs: 60_000 });
const page = (pathname: string, status = 200, method = 'GET') => ({ method, pathname, status });

describe("the site's page visits", () => {
  it('counts every intake page a visitor got, per intake code, and sends the counts with the secret', async () => {
    const visits = visitsTo(url);
    for (let i = 0; i < 5; i++) visits.served(page('/bakkerij-2026/nl'));
    visits.served(page('/bakkerij-2026/ar'));
    visits.served(page('/bakkerij-2026'));
    visits.served(page('/garage-2026/nl'));
    // Not a visit of an intake page: a 404, a form's post, another page.
    visits.served(page('/no-such-code/nl', 404));
    visits.served(page('/bakkerij-2026/nl', 303, 'POST'));
    visits.served(page('/bakkerij-2026/nl/case'));
    await visits.stop();
    expect(received.sort((a, b) => a.code.localeCompare(b.code))).toEqual([
      { code: 'bakkerij-2026', visits: 7, key: SECRET },
      { code: 'garage-2026', visits: 1, key: SECRET },
    ]);
  });

  it('sends nothing when nothing was served, and each count once', async () => {
    const visits = visitsTo(url);
    await visits.send();
    visits.served(page('/bakkerij-2026/nl'));
    await visits.send();
    await visits.send();
    await visits.stop();
    expect(received).toEqual([{ code: 'bakkerij-2026', visits: 1, key: SECRET }]);
  });

  it('keeps the count for the next send while intake fails or cannot be reached, and drops it for an unknown code', async () => {
    const visits = visitsTo(url);
    visits.served(page('/bakkerij-2026/nl'));
    visits.served(page('/bakkerij-2026/nl'));
    status = 503;
    await visits.send();
    visits.served(page('/bakkerij-2026/nl'));
    status = 204;
    await visits.send();
    expect(received).toEqual([{ code: 'bakkerij-2026', visits: 3, key: SECRET }]);

    const unreachable = visitsTo('http://127.0.0.1:9');
    unreachable.served(page('/bakkerij-2026/nl'));
    await unreachable.send();
    await unreachable.stop(); // still kept: nothing was taken
    status = 404;
    visits.served(page('/gone-2026/nl'));
    await visits.send();
    status = 204;
    await visits.stop();
    expect(received).toEqual([{ code: 'bakkerij-2026', visits: 3, key: SECRET }]);
  });
});
