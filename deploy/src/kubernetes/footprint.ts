/**
 * Resource requests and limits, each from a measured figure where the project has one (docs/benchmarks.md and the
 * measurements in issue 13), otherwise from the vendor's own sizing, said as such. docs/scaling.md explains them.
 * CPU gets a request and no limit (a CPU limit throttles a Node event loop into latency spikes); memory gets a limit
 * (a leak is stopped and the pod restarted instead of starving its node).
 */
export interface Footprint {
  cpu: string;
  memory: string;
  memoryLimit: string;
  /** Where the figures come from. */
  source: string;
}

/**
 * A service process holds 230–250 MB resident after start (issue 13, "Memory and start", measured after
 * `npm start`): 256Mi requested, twice that as the limit for request bursts and the V8 heap's growth.
 */
const SERVICE_MEMORY = { memory: '256Mi', memoryLimit: '512Mi' };

export const SERVICE_FOOTPRINT: Record<string, Footprint> = {
  // docs/benchmarks.md, Intake: 0.52–0.78 ms of intake CPU per report across the runs of 2026-12-06/07 (0.66–0.73 cores
  // at 941–1,251 reports/s). Half a core per replica; the autoscaler adds replicas at 70 % of it, 450–670 reports/s each.
  intake: { cpu: '500m', ...SERVICE_MEMORY, source: 'docs/benchmarks.md (Intake: 0.52–0.78 ms CPU per report at 941–1,251/s)' },
  case: { cpu: '250m', ...SERVICE_MEMORY, source: 'issue 13 (230–250 MB resident per service)' },
  // docs/benchmarks.md, Matching: reads + decide() p50 12.79 ms per decision, one at a time.
  matching: { cpu: '250m', ...SERVICE_MEMORY, source: 'docs/benchmarks.md (Matching: 12.79 ms p50 per decision)' },
  // docs/benchmarks.md, Billing: 10,000 invoices in 45.9 s, 4.95 ms CPU each, 1.08 cores busy (render workers).
  billing: {
    cpu: '500m',
    memory: '384Mi',
    memoryLimit: '1Gi',
    source: 'docs/benchmarks.md (Billing: 4.95 ms CPU per invoice, 1.08 cores during a run of 10,000)',
  },
  // Reporting replays the facts journal (docs/benchmarks.md (d): 12.2 µs of Node CPU per event read in global order).
  reporting: {
    cpu: '250m',
    memory: '256Mi',
    memoryLimit: '1Gi',
    source: 'docs/benchmarks.md ((d) read-all: 12.2 µs Node CPU per event)',
  },
};

/** Any service without its own figures (a new manifest) gets the common one. */
export function serviceFootprint(name: string): Footprint {
  return SERVICE_FOOTPRINT[name] ?? { cpu: '250m', ...SERVICE_MEMORY, source: 'issue 13 (230–250 MB resident per service)' };
}

/**
 * A web service (the reporter's site, the staff portal): `npm run bench`'s footprint (bench/footprint.ts, run of 2026-12-06)
 * measured the reporter's site at about 52 MiB PSS after start, the Node binary's pages shared with the launcher's
 * processes. Alone in a container those pages are its own too, and rendering under load grows the heap: 128Mi
 * requested, 256Mi as the limit. CPU: a server-rendered page of a few kB with no database work per request; not yet
 * measured under load (the bench's rendering latency is issue 12's), so a tenth of a core, the autoscaler adding
 * replicas at 70 % of it.
 */
const WEB_FOOTPRINT: Footprint = {
  cpu: '100m',
  memory: '128Mi',
  memoryLimit: '256Mi',
  source: "npm run bench footprint (the reporter's site: about 52 MiB PSS after start); CPU not yet measured",
};

export const WEB_SERVICE_FOOTPRINT: Record<string, Footprint> = { 'reporter-site': WEB_FOOTPRINT };

/** A web service without figures of its own (the portal, until measured) gets the reporter's site's, said so. */
export function webFootprint(name: string): Footprint {
  return (
    WEB_SERVICE_FOOTPRINT[name] ?? { ...WEB_FOOTPRINT, source: `not measured: the reporter's site's figures (${WEB_FOOTPRINT.source})` }
  );
}

/**
 * PostgreSQL per service: intake's database burns 2.44 ms of CPU per report, 0.80 cores at 328 reports/s
 * (docs/benchmarks.md, Intake); the others a fraction of it. Memory: shared_buffers' default 128 MB plus
 * connections (two pools of 10 per service replica).
 */
export function postgresFootprint(database: string, web = false): Footprint {
  // A web service's database holds its sessions: a row read per request, a few kB each.
  if (web)
    return { cpu: '100m', memory: '256Mi', memoryLimit: '512Mi', source: 'PostgreSQL defaults (shared_buffers 128 MB); sessions only' };
  if (database === 'intake' || database === 'privacy') {
    return { cpu: '500m', memory: '512Mi', memoryLimit: '1Gi', source: 'docs/benchmarks.md (Intake: PostgreSQL 2.44 ms CPU per report)' };
  }
  return { cpu: '250m', memory: '256Mi', memoryLimit: '1Gi', source: 'PostgreSQL defaults (shared_buffers 128 MB)' };
}

/** Not measured here (no container engine on the build machines): the vendors' own minimums. */
export const INFRASTRUCTURE_FOOTPRINT: Record<'kurrentdb' | 'kafka' | 'keycloak' | 'otel-collector', Footprint> = {
  kurrentdb: { cpu: '500m', memory: '1Gi', memoryLimit: '2Gi', source: 'vendor sizing, not measured here' },
  kafka: { cpu: '500m', memory: '1Gi', memoryLimit: '1536Mi', source: 'vendor sizing (heap 512 MB), not measured here' },
  keycloak: { cpu: '500m', memory: '1Gi', memoryLimit: '2Gi', source: "Keycloak's sizing guide (~1250 MB base), not measured here" },
  'otel-collector': { cpu: '100m', memory: '128Mi', memoryLimit: '512Mi', source: 'vendor sizing, not measured here' },
};

export function resources(footprint: Footprint): Record<string, unknown> {
  return { requests: { cpu: footprint.cpu, memory: footprint.memory }, limits: { memory: footprint.memoryLimit } };
}
