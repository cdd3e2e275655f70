import { readFileSync } from 'node:fs';
import { startWebService, type RunningWebService } from '@vertrouwd/web-kit/testing';
import { join } from 'node:path';
import { buildSite, SESSION_SECRET } from './reporter-site';

// `npm start` runs each web service as several processes on a machine with more than one core (WEB_PROCESSES, ADR
// 0064): one supervisor that starts copies of the server on one port. What an operator relies on: every copy
// answers, a copy that dies is replaced while the others go on answering, and stopping the service stops them all.
const SITE = join(__dirname, '..');
jest.setTimeout(120_000);

const childrenOf = (pid: number): number[] => {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
  } catch {
    return [];
  }
};
const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
async function until(what: string, check: () => boolean, ms = 20_000): Promise<void> {
  for (const started = Date.now(); !check();) {
    if (Date.now() - started > ms) throw new Error(`still not so after ${ms} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
const live = async (url: string) => (await fetch(`${url}/health/live`)).status;

describe('the site as several processes', () => {
  let site: RunningWebService;

  beforeAll(async () => {
    buildSite();
    // Health and the built assets answer without intake or the database; nothing here reaches either.
    site = await startWebService(SITE, {
      WEB_PROCESSES: '2',
      INTAKE_URL: 'http://127.0.0.1:9',
      DATABASE_URL: 'postgres://nobody@127.0.0.1:9/none',
      SESSION_SECRET,
    });
  });
  afterAll(() => site?.stop());

  it('says once that it listens, when both copies do, and both are its children', async () => {
    expect(site.output().match(/listening on/g)).toHaveLength(1);
    expect(site.output()).toMatch(/reporter-site listening on http:\/\/127\.0\.0\.1:\d+ \(2 processes\)/);
    expect(childrenOf(site.pid)).toHaveLength(2);
    const answers = await Promise.all(Array.from({ length: 20 }, () => live(site.url)));
    expect(answers.every((status) => status === 200)).toBe(true);
  });

  it('replaces a copy that is killed, and goes on answering meanwhile', async () => {
    const [victim, survivor] = childrenOf(site.pid);
    process.kill(victim, 'SIGKILL');
    await until('the killed copy is gone', () => !childrenOf(site.pid).includes(victim));
    expect(await live(site.url)).toBe(200);
    await until('a new copy runs beside the survivor', () => childrenOf(site.pid).length === 2);
    expect(childrenOf(site.pid)).toContain(survivor);
    expect(site.output()).toContain('reporter-site: a process stopped (SIGKILL); starting another');
    const answers = await Promise.all(Array.from({ length: 20 }, () => live(site.url)));
    expect(answers.every((status) => status === 200)).toBe(true);
  });

  it('stops every copy when it is stopped', async () => {
    const copies = childrenOf(site.pid);
    expect(copies).toHaveLength(2);
    await site.stop();
    await until('no copy is left', () => copies.every((pid) => !alive(pid)));
    await expect(fetch(`${site.url}/health/live`)).rejects.toThrow();
  });
});

describe('the copies of a site whose supervisor is killed', () => {
  it('stop too: none is left holding the port', async () => {
    buildSite();
    const site = await startWebService(SITE, {
      WEB_PROCESSES: '2',
      INTAKE_URL: 'http://127.0.0.1:9',
      DATABASE_URL: 'postgres://nobody@127.0.0.1:9/none',
      SESSION_SECRET,
    });
    const copies = childrenOf(site.pid);
    expect(copies).toHaveLength(2);
    process.kill(site.pid, 'SIGKILL');
    await until('no copy is left', () => copies.every((pid) => !alive(pid)));
    await expect(fetch(`${site.url}/health/live`)).rejects.toThrow();
  });
});

describe('WEB_PROCESSES', () => {
  it('must be a whole number from 1 to 16: otherwise the site does not start, and says why', async () => {
    buildSite();
    await expect(
      startWebService(SITE, {
        WEB_PROCESSES: '0',
        INTAKE_URL: 'http://127.0.0.1:9',
        DATABASE_URL: 'postgres://x@127.0.0.1:9/x',
        SESSION_SECRET,
      }),
    ).rejects.toThrow(/WEB_PROCESSES must be a whole number from 1 to 16/);
  });
});
