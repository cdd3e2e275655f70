import { data } from 'react-router';

/** One field a service named in its refusal (problem+json `errors`): the field's path and the rule it broke. */
export interface FieldProblem {
  field: string;
  rule: string;
}

/**
 * A service's refusal of a command, as the page shows it: the status, the problem's title and rule (a domain
 * refusal's `rule`, e.g. `IntakeCodeTakenError`) and the fields it named. Never the submitted values.
 */
export interface Refusal {
  status: number;
  title: string;
  rule?: string;
  fields: FieldProblem[];
}

/** How a command went: done with the service's answer, or refused with the service's problem. */
export type Done<T> = { ok: true; body: T } | { ok: false; refusal: Refusal };

/**
 * The answer to a command the user gave. 404 and 403 become the portal's own (nothing of the service's answer is
 * shown), 5xx an error page, and any other refusal (400 validation, 409, 422) the page shows with the fields named.
 */
export async function commandOf<T = undefined>(response: Response, what: string): Promise<Done<T>> {
  if (response.ok) {
    const text = response.status === 204 ? '' : await response.text();
    return { ok: true, body: (text ? JSON.parse(text) : undefined) as T };
  }
  if (response.status === 404 || response.status === 403) {
    await response.body?.cancel();
    throw data(null, { status: response.status });
  }
  if (response.status >= 500) {
    await response.body?.cancel();
    throw new Error(`${what}: the service answered ${response.status}`);
  }
  const problem = (await response.json().catch(() => ({}))) as {
    title?: unknown;
    rule?: unknown;
    errors?: { field?: unknown; rule?: unknown }[];
  };
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return {
    ok: false,
    refusal: {
      status: response.status,
      title: text(problem.title) ?? '',
      ...(text(problem.rule) ? { rule: text(problem.rule) } : {}),
      fields: (Array.isArray(problem.errors) ? problem.errors : []).map((e) => ({ field: text(e.field) ?? '', rule: text(e.rule) ?? '' })),
    },
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id in the page's address: not an id is no page (404), never a service's 400 turned into an error page. */
export function idParam(segment: string): string {
  if (!UUID.test(segment)) throw data(null, { status: 404 });
  return segment;
}

/**
 * Waits, briefly, until a write the user just made shows in the service's read (its read models follow its events
 * a moment later), so the page they are sent back to shows it. Gives up after about five seconds: the page then
 * shows what the service has, and its notice still says the write was done.
 */
export async function untilVisible(visible: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 25; attempt += 1) {
    if (await visible().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
