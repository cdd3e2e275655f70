/**
 * Every environment variable a service reads, in one place: the launcher, docker-compose.yml and the
 * services agree on it (a test checks the compose file against this schema). Nothing set means the
 * embedded default.
 */
export interface VariableSpec {
  description: string;
  /** Allowed values, when the variable is a choice. */
  values?: readonly string[];
  /** A value's shape, when free-form (checked on start, named in the error, never echoed). */
  pattern?: RegExp;
  /** Required when the given variable has the given value, e.g. KAFKA_BROKERS when BUS=kafka. */
  requiredWhen?: { variable: string; equals: string };
  /** The compose service that must be up before a service using this variable (depends_on). */
  needs?: (value: string) => string | undefined;
}

const URL = /^[a-z][a-z0-9+.-]*:\/\/\S+$/;

export const SERVICE_VARIABLES = {
  SERVICE_NAME: { description: 'Name of the service in logs, traces and the bus consumer groups', pattern: /^[a-z][a-z0-9-]{1,40}$/ },
  HOST: { description: 'Interface to listen on (default 127.0.0.1; 0.0.0.0 in containers)', pattern: /^[\d.:a-f]+$/ },
  PORT: { description: 'HTTP port (0: any free port)', pattern: /^(0|\d{2,5})$/ },
  DATABASE_URL: {
    description: 'PostgreSQL of the service: read models, inbox, key vault, and the event store when EVENT_STORE=postgres',
    pattern: URL,
    needs: (v) => (v.includes('@postgres:') ? 'postgres' : undefined),
  },
  PRIVACY_DATABASE_URL: {
    description: 'PostgreSQL of the key vault, shared by every service (default: DATABASE_URL)',
    pattern: URL,
    needs: (v) => (v.includes('@postgres:') ? 'postgres' : undefined),
  },
  EVENT_STORE: { description: 'Event store: postgres (default) or kurrentdb', values: ['postgres', 'kurrentdb'] },
  KURRENTDB_URL: {
    description: 'KurrentDB connection string',
    pattern: URL,
    requiredWhen: { variable: 'EVENT_STORE', equals: 'kurrentdb' },
    needs: () => 'kurrentdb',
  },
  BUS: { description: 'Message bus: postgres (default) or kafka', values: ['postgres', 'kafka'] },
  BUS_DATABASE_URL: {
    description: 'PostgreSQL of the Postgres bus, shared by all services (BUS=postgres)',
    pattern: URL,
    needs: (v) => (v.includes('@postgres:') ? 'postgres' : undefined),
  },
  KAFKA_BROKERS: {
    description: 'Comma-separated Kafka bootstrap brokers',
    pattern: /^[\w.-]+:\d+(,[\w.-]+:\d+)*$/,
    requiredWhen: { variable: 'BUS', equals: 'kafka' },
    needs: () => 'kafka',
  },
  OIDC_ISSUER: {
    description: 'Issuer URL of the identity provider (unset: the embedded dev issuer)',
    pattern: URL,
    needs: (v) => (v.includes('keycloak') ? 'keycloak' : undefined),
  },
  OIDC_JWKS_URI: {
    description: "Where to fetch the issuer's keys when it is reached under another name than its issuer URL",
    pattern: URL,
    needs: (v) => (v.includes('keycloak') ? 'keycloak' : undefined),
  },
  OIDC_AUDIENCE: { description: 'Audience the tokens must carry', pattern: /^[\w.-]+$/ },
  IDENTITY_ADMIN_URL: {
    description:
      "The realm where the service reaches the identity provider's admin API, when not at OIDC_ISSUER (http://keycloak:8080/realms/<realm>)",
    pattern: URL,
    needs: (v) => (v.includes('keycloak') ? 'keycloak' : undefined),
  },
  IDENTITY_ADMIN_CLIENT_ID: {
    description: 'Confidential client that manages staff accounts (default vertrouwd-identity-admin)',
    pattern: /^[\w.-]+$/,
  },
  IDENTITY_ADMIN_CLIENT_SECRET: { description: 'Secret of that client (the identity port; at least 16 characters)', pattern: /^\S{16,}$/ },
  IDENTITY_ADMIN_PASSWORD_EMAIL: {
    description: 'Mail new staff accounts a link to set their password: on (default) or off (the embedded dev issuer)',
    values: ['on', 'off'],
  },
  REPORTER_TOKEN_SECRET: { description: "Secret signing the reporters' case-scoped tokens (at least 32 characters)", pattern: /^\S{32,}$/ },
  INTAKE_PROXY_SECRET: {
    description:
      "Secret the reporter's site sends intake with each reporter's address, so intake's limits count reporters, not the site (at least 32 characters; unset: no forwarded address is trusted)",
    pattern: /^\S{32,}$/,
  },
  OTEL_EXPORTER_OTLP_ENDPOINT: {
    description: 'OTLP/HTTP endpoint of the collector (unset: no export)',
    pattern: URL,
    needs: (v) => (v.includes('otel-collector') ? 'otel-collector' : undefined),
  },
  OTEL_TRACES_EXPORTER: {
    description: 'Trace export: otlp, console or none (default: otlp when an endpoint is set, else none)',
    values: ['otlp', 'console', 'none'],
  },
  PRIVACY_MASTER_KEY: {
    description: 'Base64 of 32 bytes wrapping the key vault (unset: generated into .data/)',
    pattern: /^[A-Za-z0-9+/]{43}=$/,
  },
  PRIVACY_ERASURE_LEDGER: {
    description:
      'File the erasures are written to before each shred, kept apart from the database backups (unset: .data/privacy/erasures.log)',
    pattern: /^\/[^\0\r\n]{1,1000}$/,
  },
  PRIVACY_ERASURE_LEDGER_URL: {
    description:
      'PostgreSQL of the erasure ledger (production): a server of its own that the database backups do not copy; every shred is written there first',
    pattern: URL,
    needs: (v) => (v.includes('@postgres-erasures:') ? 'postgres-erasures' : undefined),
  },
  LOG_LEVEL: { description: 'pino level', values: ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] },
  SMTP_URL: {
    description: 'SMTP server for notifications, smtp://host:port (unset: notifications wait unsent)',
    pattern: /^smtps?:\/\/\S+$/,
    needs: (v) => (v.includes('mailpit') ? 'mailpit' : undefined),
  },
  SMTP_FROM: { description: 'Sender of notifications, e.g. Vertrouwd <no-reply@example.org>', pattern: /^[^\r\n]{3,200}$/ },
  CASE_WAITING_ALERT_HOURS: {
    description: 'Hours a case may wait for assignment before the coordinators are mailed (default 24)',
    pattern: /^[1-9]\d{0,3}$/,
  },
} satisfies Record<string, VariableSpec>;

export type ServiceVariable = keyof typeof SERVICE_VARIABLES;
export type ServiceConfig = Partial<Record<ServiceVariable, string>>;

export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

/** Reads and checks the service's variables; the error names each variable and rule, never a value. */
export function loadServiceConfig(env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const config: ServiceConfig = {};
  const problems: string[] = [];
  for (const [name, spec] of Object.entries(SERVICE_VARIABLES) as [ServiceVariable, VariableSpec][]) {
    const value = env[name];
    if (value === undefined || value === '') {
      if (spec.requiredWhen && env[spec.requiredWhen.variable] === spec.requiredWhen.equals) {
        problems.push(`${name} is required when ${spec.requiredWhen.variable}=${spec.requiredWhen.equals}`);
      }
      continue;
    }
    if (spec.values && !spec.values.includes(value)) problems.push(`${name} must be one of ${spec.values.join(', ')}`);
    else if (spec.pattern && !spec.pattern.test(value)) problems.push(`${name} does not have the expected form (${spec.description})`);
    else config[name] = value;
  }
  if (problems.length > 0) throw new ConfigurationError(`Configuration: ${problems.join('; ')}`);
  return config;
}
