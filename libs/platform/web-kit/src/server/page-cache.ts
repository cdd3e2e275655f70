import type { IncomingMessage, ServerResponse } from 'node:http';

/** Which pages may be kept, and for how long: pages that are the same for every visitor, never a session's. */
export interface PageCacheOptions {
  /** Whether a path (without its query) is such a page; a request with a query string or a cookie is never kept. */
  matches: (pathname: string) => boolean;
  /** How long a rendered page is served before it is rendered again. */
  seconds: number;
  /** At most this many pages kept (oldest dropped first). */
  maxEntries?: number;
}

interface Page {
  status: number;
  /** As `writeHead` takes them: names and values in one list (a `Set-Cookie` each on its own). */
  headers: string[];
  body: Buffer;
  expires: number;
  /** A plain 200 without a cookie: kept, and shared with visitors who arrived while it was rendered. */
  kept: boolean;
}

/** Renders a request the way the site's pages do (React Router's fetch handler). */
export type RenderPage = (request: Request) => Promise<Response>;

/**
 * The public pages every visitor gets alike (a reporter's intake page), rendered at most once per `seconds` per
 * address and sent as they were rendered: rendering is most of a page's CPU (React's server rendering), and a busy
 * site otherwise renders the same bytes hundreds of times a second. Only a GET without a cookie, a query or a
 * session is taken from it; only a 200 without `Set-Cookie` is kept. Visitors who arrive together while a page is
 * being rendered share that rendering; a failure is not kept.
 */
export class PageCache {
  private readonly pages = new Map<string, Page>();
  private readonly rendering = new Map<string, Promise<Page | undefined>>();
  private readonly maxEntries: number;
  // Plain fields, no parameter properties: Node runs this file by stripping its types.
  private readonly render: RenderPage;
  private readonly options: PageCacheOptions;
  private readonly now: () => number;

  constructor(render: RenderPage, options: PageCacheOptions, now: () => number = Date.now) {
    this.render = render;
    this.options = options;
    this.now = now;
    this.maxEntries = options.maxEntries ?? 500;
  }

  /** The cache's key for a request it may answer, or undefined: then the request goes to the pages as usual. */
  keyOf(req: IncomingMessage, pathname: string): string | undefined {
    if (req.method !== 'GET' || req.headers.cookie !== undefined || req.headers.authorization !== undefined) return undefined;
    if ((req.url ?? '').includes('?') || !this.options.matches(pathname)) return undefined;
    return pathname;
  }

  /** Sends the kept page, or renders it (once for everyone waiting), keeps it if it may be kept, and sends it. */
  async serve(req: IncomingMessage, res: ServerResponse, key: string): Promise<void> {
    const page = await this.pageFor(req, key);
    if (!page) {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end('The page could not be shown');
      return;
    }
    res.writeHead(page.status, page.headers);
    res.end(page.body);
  }

  private async pageFor(req: IncomingMessage, key: string): Promise<Page | undefined> {
    const kept = this.pages.get(key);
    if (kept && kept.expires > this.now()) return kept;
    const joined = this.rendering.get(key);
    if (joined) {
      // Only a page that may be kept is shared; any other (a cookie, an error) each visitor gets rendered alone.
      const page = await joined;
      return page?.kept ? page : this.renderPage(req, key);
    }
    const rendered = this.renderPage(req, key).finally(() => this.rendering.delete(key));
    this.rendering.set(key, rendered);
    return rendered;
  }

  private async renderPage(req: IncomingMessage, key: string): Promise<Page | undefined> {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string') headers.set(name, value);
    }
    let response: Response;
    try {
      response = await this.render(new Request(`http://${req.headers.host ?? 'site'}${key}`, { method: 'GET', headers }));
    } catch {
      return undefined;
    }
    const body = Buffer.from(await response.arrayBuffer());
    const kept = response.status === 200 && !response.headers.has('set-cookie');
    const page: Page = {
      status: response.status,
      headers: [...response.headers].flat(),
      body,
      expires: this.now() + this.options.seconds * 1000,
      kept,
    };
    if (kept) {
      this.pages.delete(key);
      this.pages.set(key, page);
      if (this.pages.size > this.maxEntries) this.pages.delete(this.pages.keys().next().value!);
    }
    return page;
  }
}
