// The visits of intake pages the site served, reported to intake: the site answers many visitors from one read of
// intake's (its page data kept 10 s, the rendered page 5 s), and intake counts no visit for the site's reads, so the
// low-visibility signal (page visits against reports) counts every visitor. Only a number per intake code ever
// leaves: nothing of the visitor.

/** The intake code of an intake page's path (`/<code>` or `/<code>/<language>`), or undefined for any other path. */
export type IntakeCodeOf = (pathname: string) => string | undefined;

export interface PageVisitsOptions {
  intakeUrl: string;
  /** INTAKE_PROXY_SECRET: intake takes the site's counts only with it. */
  secret: string;
  intakeCodeOf: IntakeCodeOf;
  /** How often the counts go to intake. */
  everyMs?: number;
  log?: (line: string) => void;
}

/**
 * Counts the intake pages served with 200, per intake code, and sends the counts to intake every `everyMs` and when
 * stopped. A count intake did not take (intake down) is kept for the next send; at most 100,000 per code per send.
 */
export class PageVisits {
  private readonly counts = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;
  private sending: Promise<void> = Promise.resolve();
  private readonly options: PageVisitsOptions;

  constructor(options: PageVisitsOptions) {
    this.options = options;
    this.timer = setInterval(() => void this.send(), options.everyMs ?? 5_000);
    this.timer.unref();
  }

  /** A page the site answered: counted if it is an intake page a visitor got (a GET answered 200). */
  served(page: { method: string; pathname: string; status: number }): void {
    if (page.method !== 'GET' || page.status !== 200) return;
    const code = this.options.intakeCodeOf(page.pathname);
    if (code !== undefined) this.counts.set(code, (this.counts.get(code) ?? 0) + 1);
  }

  /** Sends what is counted (one send at a time). */
  send(): Promise<void> {
    this.sending = this.sending.then(() => this.sendNow());
    return this.sending;
  }

  /** Stops counting on a timer and sends what is left. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.send();
  }

  private async sendNow(): Promise<void> {
    const batch = [...this.counts];
    this.counts.clear();
    await Promise.all(
      batch.map(async ([code, counted]) => {
        const visits = Math.min(counted, 100_000);
        const ok = await this.post(code, visits);
        // Not taken (intake unreachable or failing): kept for the next send. Refused (an unknown code): dropped.
        if (ok === 'retry' || counted > visits)
          this.counts.set(code, (this.counts.get(code) ?? 0) + counted - (ok === 'retry' ? 0 : visits));
      }),
    );
  }

  private async post(code: string, visits: number): Promise<'done' | 'retry'> {
    try {
      const response = await fetch(`${this.options.intakeUrl}/intake/${code}/page-visits`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-intake-proxy-key': this.options.secret },
        body: JSON.stringify({ visits }),
        signal: AbortSignal.timeout(5_000),
      });
      await response.body?.cancel();
      if (response.ok || response.status === 404) return 'done';
      this.options.log?.(`intake did not take the page visits (${response.status}): kept for the next send`);
      return response.status >= 500 ? 'retry' : 'done';
    } catch {
      return 'retry';
    }
  }
}
