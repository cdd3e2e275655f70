// The web (issue 12): the reporter's pages as a browser fetches them — their weight (HTML and the stylesheets they
// link, compressed as a server or proxy would send them; not one byte of script) — and server-rendering latency under
// 50 concurrent users. The site is built and started as `npm start` runs it (deploy/src/web-services.ts), against
// intake in a process of its own with the demo directory published.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { Agent, request } from 'undici';
import { ensureBuilt, startWebService, webProcesses } from '../deploy/src/web-services';
import { freshDatabase, startIntakeProcess } from './intake';
import { signInToPortal, staff, startPortalIssuer } from './web-portal';

export const TARGET_PAGE_KB = 60;
export const TARGET_SCRIPT_BYTES = 0;
export const TARGET_RENDER_P99_MS = 100;
export const TARGET_STAFF_SCRIPT_KB = 300;
const USERS = 50;
const LOAD_SECONDS = 10;
const WARMUP_SECONDS = 2;
/** The reporter's pages weighed: the intake page in a left-to-right and a right-to-left language, and not-found. */
const PAGES = ['/bakkerij-2026/nl', '/bakkerij-2026/ar', '/bakkerij-2026/en', '/no-such-organisation'];
const RENDERED = '/bakkerij-2026/nl';
/** The portal's start page: for a signed-in user, their roles and screens (the session read from its database). */
const PORTAL_RENDERED = '/nl';
const PORTAL_CLIENT_SECRET = 'bench-web-portal-client-secret';

export interface PageWeight {
  path: string;
  status: number;
  htmlBytes: number;
  stylesheets: number;
  /** Bytes of HTML plus every stylesheet it links, as sent uncompressed, gzip (level 6) and brotli (quality 11). */
  plain: number;
  gzip: number;
  brotli: number;
  scriptElements: number;
  scriptBytes: number;
}

/** A staff page's first load: every script module the browser fetches before the page is interactive. */
export interface StaffScript {
  route: string;
  files: number;
  plain: number;
  gzip: number;
  brotli: number;
}

export interface WebFigures {
  pages: PageWeight[];
  staff: StaffScript[];
  /** The intake page as visitors get it: from the site's page cache, rendered at most once per 5 s. */
  render: RenderFigures;
  /** The same page rendered for every request (each visitor sends a cookie, which the page cache never answers). */
  renderEach: RenderFigures;
  /** The portal's start page, signed in, rendered for every request (each user a session of their own). */
  portal: RenderFigures;
}

interface RenderFigures {
  users: number;
  seconds: number;
  requests: number;
  perSec: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  failed: number;
  /**
   * CPU per page rendered, in ms: of the web service's processes, of intake's (which the site's pages ask), and of
   * the load generator (this process).
   */
  cpuMsPerPage: { site: number; intake: number; load: number };
}

/** The processes whose CPU a load is charged: the web service's, and intake's when its pages ask intake. */
interface Charged {
  site: number;
  intake?: number;
}

const gzip = (b: Buffer) => gzipSync(b, { level: 6 }).length;
const brotli = (b: Buffer) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

interface RouteEntry {
  id: string;
  parentId?: string;
  path?: string;
  index?: boolean;
  hasDefaultExport: boolean;
  module: string;
  imports?: string[];
}

/**
 * The portal's first-load script per page, from its build's route manifest (what React Router's hydration loads:
 * the manifest itself, the client entry and its imports, and the module and imports of every route from the root to
 * the page), and the messages of the page's language, which the client entry imports before it hydrates: counted as
 * the heaviest language's (Arabic's). Pages only: resource routes (sign-in, downloads) load no script.
 */
function staffFirstLoad(buildDir: string): StaffScript[] {
  const assets = join(buildDir, 'client/assets');
  const manifestFile = readdirSync(assets).find((f) => /^manifest-.*\.js$/.test(f));
  if (!manifestFile) throw new Error(`no route manifest in ${assets}`);
  // One script per language (app/i18n/catalogue/<lang>.messages.ts), named after its module.
  const heaviestCatalogue = readdirSync(assets)
    .filter((f) => /^[a-z]{2}\.messages-.*\.js$/.test(f))
    .map((f) => ({ url: `/assets/${f}`, gzip: gzip(readFileSync(join(assets, f))) }))
    .sort((a, b) => b.gzip - a.gzip)[0]?.url;
  const text = readFileSync(join(assets, manifestFile), 'utf8');
  const manifest = JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1)) as {
    entry: { module: string; imports: string[] };
    routes: Record<string, RouteEntry>;
  };
  // Each file compressed once (brotli at quality 11 is slow), though most pages share most of their files.
  const sizes = new Map<string, { plain: number; gzip: number; brotli: number }>();
  const sizeOf = (url: string) => {
    let size = sizes.get(url);
    if (!size) {
      const b = url === manifestFile ? Buffer.from(text) : readFileSync(join(buildDir, 'client', url));
      sizes.set(url, (size = { plain: b.length, gzip: gzip(b), brotli: brotli(b) }));
    }
    return size;
  };
  return Object.values(manifest.routes)
    .filter((route) => route.hasDefaultExport && route.id !== 'root')
    .map((route) => {
      const files = new Set<string>([manifest.entry.module, ...manifest.entry.imports, ...(heaviestCatalogue ? [heaviestCatalogue] : [])]);
      for (let at: RouteEntry | undefined = route; at; at = at.parentId ? manifest.routes[at.parentId] : undefined) {
        files.add(at.module);
        for (const imported of at.imports ?? []) files.add(imported);
      }
      const all = [manifestFile, ...files].map(sizeOf);
      return {
        route: route.index ? '(index)' : (route.path ?? route.id),
        files: all.length,
        plain: all.reduce((n, b) => n + b.plain, 0),
        gzip: all.reduce((n, b) => n + b.gzip, 0),
        brotli: all.reduce((n, b) => n + b.brotli, 0),
      };
    })
    .sort((a, b) => b.gzip - a.gzip);
}

async function weigh(base: string, path: string): Promise<PageWeight> {
  const response = await fetch(`${base}${path}`, { headers: { 'accept-language': 'nl' } });
  const html = Buffer.from(await response.arrayBuffer());
  const text = html.toString('utf8');
  const sheets = [...text.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1]);
  const scripts = [...text.matchAll(/<script\b[^>]*?(?:src="([^"]+)")?[^>]*>/g)];
  let scriptBytes = 0;
  for (const [, src] of scripts) if (src) scriptBytes += (await (await fetch(new URL(src, base))).arrayBuffer()).byteLength;
  const css = await Promise.all(sheets.map(async (href) => Buffer.from(await (await fetch(new URL(href, base))).arrayBuffer())));
  const all = [html, ...css];
  return {
    path,
    status: response.status,
    htmlBytes: html.length,
    stylesheets: css.length,
    plain: all.reduce((n, b) => n + b.length, 0),
    gzip: all.reduce((n, b) => n + gzip(b), 0),
    brotli: all.reduce((n, b) => n + brotli(b), 0),
    scriptElements: scripts.length,
    scriptBytes,
  };
}

/** A process's CPU time so far (user and kernel), in ms, with its children's (a web service's several processes). */
function cpuMsOf(pid: number): number {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
  } catch {
    // gone meanwhile
  }
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // Linux: clock ticks of 10 ms.
  return (Number(fields[11]) + Number(fields[12])) * 10 + children.reduce((sum, child) => sum + cpuMsOfLiving(child), 0);
}

const cpuMsOfLiving = (pid: number): number => {
  try {
    return cpuMsOf(pid);
  } catch {
    return 0;
  }
};

/**
 * `USERS` users, each requesting `url` again as soon as the last page came, with its own headers (`headersOf`), each
 * on a keep-alive connection of its own. The load is made with undici's `request`, not `fetch`: fetch's WHATWG
 * machinery cost this process 0.38 ms of CPU per page, and on two cores the load generator's own queueing showed up
 * in the tail it measured (site: p99 104 ms with fetch, 87 ms with `request`, same server). Its CPU per page is
 * reported beside the server's.
 */
async function renderLoad(
  url: string,
  pids: Charged,
  headersOf: (user: number) => Record<string, string> = () => ({}),
): Promise<RenderFigures> {
  const cpuOf = (pid: number | undefined) => (pid === undefined ? 0 : cpuMsOf(pid));
  const latencies: number[] = [];
  let failed = 0;
  let measuring = false;
  let cpuAtStart = { site: 0, intake: 0 };
  let loadAtStart = process.cpuUsage();
  const agent = new Agent({ connections: USERS, pipelining: 1 });
  const end = Date.now() + (WARMUP_SECONDS + LOAD_SECONDS) * 1000;
  setTimeout(() => {
    measuring = true;
    cpuAtStart = { site: cpuOf(pids.site), intake: cpuOf(pids.intake) };
    loadAtStart = process.cpuUsage();
  }, WARMUP_SECONDS * 1000);
  try {
    await Promise.all(
      Array.from({ length: USERS }, async (_, user) => {
        const headers = headersOf(user);
        while (Date.now() < end) {
          const started = performance.now();
          try {
            const response = await request(url, { headers, dispatcher: agent });
            await response.body.arrayBuffer();
            if (response.statusCode !== 200) failed += measuring ? 1 : 0;
          } catch {
            failed += measuring ? 1 : 0;
          }
          if (measuring) latencies.push(performance.now() - started);
        }
      }),
    );
  } finally {
    await agent.close();
  }
  const cpuUsed = { site: cpuOf(pids.site) - cpuAtStart.site, intake: cpuOf(pids.intake) - cpuAtStart.intake };
  const load = process.cpuUsage(loadAtStart);
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
  const perPage = (ms: number) => ms / Math.max(1, latencies.length);
  return {
    users: USERS,
    seconds: LOAD_SECONDS,
    requests: latencies.length,
    perSec: latencies.length / LOAD_SECONDS,
    p50Ms: at(50),
    p99Ms: at(99),
    maxMs: latencies.at(-1) ?? NaN,
    failed,
    cpuMsPerPage: { site: perPage(cpuUsed.site), intake: perPage(cpuUsed.intake), load: perPage((load.user + load.system) / 1000) },
  };
}

export async function benchmarkWeb(adminUrl: string): Promise<WebFigures> {
  const logs = mkdtempSync(join(tmpdir(), 'bench-web-'));
  await ensureBuilt('reporter-site', logs);
  await ensureBuilt('portal', logs);
  const staff = staffFirstLoad(join(__dirname, '../services/portal/build'));
  const intake = await startIntakeProcess(adminUrl, 'bench_web');
  try {
    const site = await startWebService(
      'reporter-site',
      {
        PORT: '0',
        HOST: '127.0.0.1',
        WEB_PROCESSES: webProcesses(),
        INTAKE_URL: intake.url,
        DATABASE_URL: await freshDatabase(adminUrl, 'bench_web_site'),
        SESSION_SECRET: 'bench-web-session-secret-of-at-least-32-chars',
      },
      logs,
    );
    try {
      const pages: PageWeight[] = [];
      for (const path of PAGES) pages.push(await weigh(site.url, path));
      const pids = { site: site.pid, intake: intake.pid };
      const render = await renderLoad(`${site.url}${RENDERED}`, pids);
      const renderEach = await renderLoad(`${site.url}${RENDERED}`, pids, () => ({ cookie: 'bench=each-request-rendered' }));
      await site.stop();
      const portal = await portalLoad(adminUrl, intake.url, logs);
      return { pages, staff, render, renderEach, portal };
    } finally {
      await site.stop();
    }
  } finally {
    await intake.stop();
    rmSync(logs, { recursive: true, force: true });
  }
}

/**
 * The portal with the dev issuer (in this process: it is asked only to sign in), each of the `USERS` users signed in
 * with a session of their own (agency-demo's staff in turn), requesting the start page.
 */
async function portalLoad(adminUrl: string, intakeUrl: string, logs: string): Promise<RenderFigures> {
  const port = await freePort();
  const portalUrl = `http://127.0.0.1:${port}`;
  const issuer = await startPortalIssuer(portalUrl, PORTAL_CLIENT_SECRET);
  try {
    const portal = await startWebService(
      'portal',
      {
        PORT: String(port),
        HOST: '127.0.0.1',
        WEB_PROCESSES: webProcesses(),
        OIDC_ISSUER: issuer.issuer,
        PORTAL_CLIENT_SECRET,
        PORTAL_URL: portalUrl,
        DATABASE_URL: await freshDatabase(adminUrl, 'bench_web_portal'),
        SESSION_SECRET: 'bench-web-portal-session-secret-of-32-chars',
        INTAKE_URL: intakeUrl,
      },
      logs,
    );
    try {
      const users = staff();
      const sessions: string[] = [];
      for (let user = 0; user < USERS; user++) sessions.push(await signInToPortal(portal.url, issuer, users[user % users.length]));
      const page = await fetch(`${portal.url}${PORTAL_RENDERED}`, { headers: { cookie: sessions[0] } });
      if (!(await page.text()).includes('action="/auth/sign-out"'))
        throw new Error(`the portal's start page is not signed in (${page.status})`);
      return await renderLoad(`${portal.url}${PORTAL_RENDERED}`, { site: portal.pid }, (user) => ({ cookie: sessions[user] }));
    } finally {
      await portal.stop();
    }
  } finally {
    await issuer.stop();
  }
}

/** A port free now: the issuer must know the portal's redirect URI before the portal starts. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export function renderWeb(f: WebFigures): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  const verdict = (ok: boolean) => (ok ? '**PASS**' : '**MISS**');
  const heaviest = f.pages.reduce((a, b) => (b.gzip > a.gzip ? b : a));
  const scripts = f.pages.reduce((n, p) => n + p.scriptElements + p.scriptBytes, 0);
  const r = f.render;
  const e = f.renderEach;
  const p = f.portal;
  return [
    "## The web: the reporter's site",
    '',
    `Each page fetched as a browser would (200 or 404), with every stylesheet it links; sizes uncompressed, gzip (level 6) ` +
      'and brotli (quality 11), as a server or reverse proxy compresses them (the fonts, fetched only for the ' +
      'characters a page uses, are not counted). Server rendering: ' +
      `${r.users} concurrent users, each on a keep-alive connection of its own and asking again as soon as a page came ` +
      `(undici's \`request\`, lighter than \`fetch\`, from the benchmark's process on the same 2 cores), requesting ` +
      `${RENDERED} for ${r.seconds} s after a ${WARMUP_SECONDS} s warm-up, twice: ` +
      'as visitors get it (the site renders an intake page at most once per 5 s and serves those bytes to every visitor ' +
      'without a cookie), and rendered for every request (each visitor sends a cookie, as a reporter in a follow-up ' +
      "session does). A render asks intake's API for the organisation's page (intake in a process of its own, its " +
      'answer kept 10 s by the site).',
    '',
    '| page | status | HTML | stylesheets | HTML + CSS | gzip | brotli | script |',
    '|---|--:|--:|--:|--:|--:|--:|--:|',
    ...f.pages.map(
      (p) =>
        `| ${p.path} | ${p.status} | ${kb(p.htmlBytes)} | ${p.stylesheets} | ${kb(p.plain)} | ${kb(p.gzip)} | ${kb(p.brotli)} | ` +
        `${p.scriptElements} elements, ${p.scriptBytes} bytes |`,
    ),
    '',
    '| measure | figure | target | |',
    '|---|--:|--:|---|',
    `| script on the reporter's pages | ${scripts} bytes | ${TARGET_SCRIPT_BYTES} bytes | ${verdict(scripts === 0)} |`,
    `| heaviest page, HTML + CSS gzip (${heaviest.path}) | ${kb(heaviest.gzip)} | ≤ ${TARGET_PAGE_KB} kB | ${verdict(heaviest.gzip <= TARGET_PAGE_KB * 1024)} |`,
    `| intake page as served, p50 / p99 / max | ${r.p50Ms.toFixed(1)} ms / ${r.p99Ms.toFixed(1)} ms / ${r.maxMs.toFixed(1)} ms | ` +
      `p99 ≤ ${TARGET_RENDER_P99_MS} ms | ${verdict(r.p99Ms <= TARGET_RENDER_P99_MS && r.failed === 0)} |`,
    `| as served: pages per second; failed; CPU per page, site / intake / load generator | ${r.perSec.toFixed(0)}; ${r.failed}; ` +
      `${r.cpuMsPerPage.site.toFixed(2)} ms / ${r.cpuMsPerPage.intake.toFixed(2)} ms / ${r.cpuMsPerPage.load.toFixed(2)} ms | | |`,
    `| rendered for every request, p50 / p99 / max | ${e.p50Ms.toFixed(1)} ms / ${e.p99Ms.toFixed(1)} ms / ${e.maxMs.toFixed(1)} ms | ` +
      `p99 ≤ ${TARGET_RENDER_P99_MS} ms | ${verdict(e.p99Ms <= TARGET_RENDER_P99_MS && e.failed === 0)} |`,
    `| rendered each: pages per second; failed; CPU per page, site / intake / load generator | ${e.perSec.toFixed(0)}; ${e.failed}; ` +
      `${e.cpuMsPerPage.site.toFixed(2)} ms / ${e.cpuMsPerPage.intake.toFixed(2)} ms / ${e.cpuMsPerPage.load.toFixed(2)} ms | | |`,
    '',
    "### The staff portal's first-load script",
    '',
    'Every script module a browser fetches to hydrate a portal page (the route manifest, the client entry, the modules ' +
      'of each route from the root to the page and their imports; React Router preloads them all) and the messages of ' +
      "the page's language, which the entry imports before it hydrates (counted as the heaviest language's, Arabic's; " +
      "no other language's messages reach the browser), from the portal's build; the five heaviest pages.",
    '',
    '| page | files | script | gzip | brotli |',
    '|---|--:|--:|--:|--:|',
    ...f.staff.slice(0, 5).map((p) => `| ${p.route} | ${p.files} | ${kb(p.plain)} | ${kb(p.gzip)} | ${kb(p.brotli)} |`),
    '',
    '| measure | figure | target | |',
    '|---|--:|--:|---|',
    `| heaviest staff page's first-load script, gzip (${f.staff[0]?.route}) | ${kb(f.staff[0]?.gzip ?? 0)} | ≤ ${TARGET_STAFF_SCRIPT_KB} kB | ` +
      `${verdict((f.staff[0]?.gzip ?? Infinity) <= TARGET_STAFF_SCRIPT_KB * 1024)} |`,
    '',
    "### The staff portal's server rendering",
    '',
    `${p.users} concurrent users requesting the portal's start page (${PORTAL_RENDERED}) signed in, for ${p.seconds} s after a ` +
      `${WARMUP_SECONDS} s warm-up: each user signed in before through the dev issuer (authorization code flow with PKCE, ` +
      "its login page, the portal's callback) with a session of their own, agency-demo's advisors, coordinator, " +
      "auditor and the bakery's employer contact in turn. Every page gets the user's session from the portal's " +
      "database (PostgreSQL, on this machine) or, read there less than 5–10 s before, from the process's memory " +
      '(ADR 0066), and is rendered with its hydration data and scripts under a nonce of its own; the page asks no ' +
      'API service.',
    '',
    '| measure | figure | target | |',
    '|---|--:|--:|---|',
    `| signed-in start page, p50 / p99 / max | ${p.p50Ms.toFixed(1)} ms / ${p.p99Ms.toFixed(1)} ms / ${p.maxMs.toFixed(1)} ms | ` +
      `p99 ≤ ${TARGET_RENDER_P99_MS} ms | ${verdict(p.p99Ms <= TARGET_RENDER_P99_MS && p.failed === 0)} |`,
    `| pages per second; failed; CPU per page, portal / load generator | ${p.perSec.toFixed(0)}; ${p.failed}; ` +
      `${p.cpuMsPerPage.site.toFixed(2)} ms / ${p.cpuMsPerPage.load.toFixed(2)} ms | | |`,
  ].join('\n');
}
