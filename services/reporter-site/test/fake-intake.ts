import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pages from './fixtures/intake-pages.json';

/**
 * Intake's public API as the site uses it, answering with pages intake itself rendered (fixtures/intake-pages.json,
 * from `intakePage()` for an organisation with two counsellors) and recording the reports it is sent.
 */
export interface FakeIntake {
  url: string;
  reports: Record<string, unknown>[];
  close(): Promise<void>;
}

export const INTAKE_CODE = 'bakkerij-2026';

export async function startFakeIntake(): Promise<FakeIntake> {
  const reports: Record<string, unknown>[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://intake');
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'GET' && url.pathname === `/intake/${INTAKE_CODE}`) {
      const page = pages[(url.searchParams.get('lang') ?? 'nl') as keyof typeof pages];
      return page ? json(200, page) : json(400, { title: 'lang' });
    }
    if (req.method === 'POST' && url.pathname === `/intake/${INTAKE_CODE}/reports`) {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        reports.push(JSON.parse(body) as Record<string, unknown>);
        json(201, {
          caseId: '0b5e1c2a-0000-4000-8000-000000000001',
          receiptCode: `K7QW-3MZP-9RTX-2VHB-${String(reports.length).padStart(4, '0')}`,
          passphrase: 'AB3DE-FG4HJ-KM5NP-QR6ST-VW7XY-Z8ABC',
          proof: {
            receiptHash: 'c'.repeat(64),
            submittedAt: '2026-12-05T21:30:00.000Z',
            signature: 's'.repeat(86),
            keyId: '0123456789abcdef',
          },
        });
      });
      return;
    }
    json(404, { title: 'Not Found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    reports,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
