import type { ServiceManifest } from '../service-manifests';
import type { WebManifest } from '../web-services';
import { configEnv, object, labelsOf, secretEnv, type KubernetesObject } from './objects';

/** The ConfigMap of every service's non-secret settings: production parts, in-cluster names. */
export const SERVICES_CONFIG = 'vertrouwd-services';

/**
 * The public name of the identity provider is the operator's (tokens carry it as `iss`): an overlay replaces
 * `KC_HOSTNAME` and `OIDC_ISSUER` together (docs/operations.md, Kubernetes). Services fetch the keys in the cluster.
 */
export const PUBLIC_IDENTITY_HOST = 'https://login.vertrouwd.example';
export const REALM = 'vertrouwd';

export const SERVICE_SETTINGS: Record<string, string> = {
  EVENT_STORE: 'kurrentdb',
  KURRENTDB_URL: 'kurrentdb://kurrentdb:2113?tls=false',
  BUS: 'kafka',
  KAFKA_BROKERS: 'kafka:9092',
  OIDC_ISSUER: `${PUBLIC_IDENTITY_HOST}/realms/${REALM}`,
  OIDC_JWKS_URI: `http://keycloak:8080/realms/${REALM}/protocol/openid-connect/certs`,
  OIDC_AUDIENCE: 'vertrouwd-api',
  IDENTITY_ADMIN_URL: `http://keycloak:8080/realms/${REALM}`,
  IDENTITY_ADMIN_CLIENT_ID: 'vertrouwd-identity-admin',
  IDENTITY_ADMIN_PASSWORD_EMAIL: 'on',
  OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector:4318',
  OTEL_TRACES_EXPORTER: 'otlp',
  LOG_LEVEL: 'info',
  SMTP_FROM: 'Vertrouwd <no-reply@vertrouwd.example>',
  CASE_WAITING_ALERT_HOURS: '24',
  // The staff portal's public origin: its own (the callback it gives the issuer) and Keycloak's redirect URIs for the
  // client vertrouwd-portal, which must agree. An overlay sets it with the other public names.
  PORTAL_URL: 'https://portal.vertrouwd.example',
  PORTAL_CLIENT_ID: 'vertrouwd-portal',
  // Keycloak's own settings, beside the issuer they must agree with.
  KC_HOSTNAME: PUBLIC_IDENTITY_HOST,
  // Where the collector sends traces on: a Jaeger or Tempo the operator runs (OTLP gRPC).
  OTLP_BACKEND_ENDPOINT: 'jaeger-collector.observability:4317',
};

/**
 * Secrets the operator creates before applying (docs/operations.md lists the commands); the manifests only refer
 * to them, so no value is ever in the repository. Each key says how to make a value.
 */
export interface SecretSpec {
  name: string;
  keys: Record<string, string>;
  usedBy: string;
}

export const POSTGRES_PASSWORD_KEY = 'password';

export function postgresSecret(database: string): string {
  return `postgres-${database}`;
}

/** The Secret of a web service's session secret (`SESSION_SECRET`): one per web service, so one leak opens one store. */
export function sessionSecret(web: string): string {
  return `${web}-session`;
}

/**
 * PostgreSQL servers: one per service (its own database), per web service (its sessions), the key vault's, the erasure
 * ledger's (never restored with the others' backups, ADR 0055), Keycloak's.
 */
export function postgresServers(manifests: ServiceManifest[], webs: WebManifest[]): string[] {
  return [...manifests.map((m) => m.name), ...webs.map((w) => w.name), 'privacy', 'erasures', 'keycloak'];
}

export function secretsOf(manifests: ServiceManifest[], webs: WebManifest[]): SecretSpec[] {
  const password = { [POSTGRES_PASSWORD_KEY]: 'openssl rand -hex 32 (hex: it is put into a URL unescaped)' };
  return [
    ...postgresServers(manifests, webs).map((db) => ({
      name: postgresSecret(db),
      keys: password,
      usedBy: `postgres-${db} and its clients`,
    })),
    ...webs.map((web) => ({
      name: sessionSecret(web.name),
      keys: { SESSION_SECRET: 'openssl rand -hex 32 (at least 32 characters; a new one ends every session)' },
      usedBy: web.name,
    })),
    {
      name: 'vertrouwd-platform',
      keys: {
        PRIVACY_MASTER_KEY: 'openssl rand -base64 32 (wraps the key vault: back it up apart from the databases)',
        REPORTER_TOKEN_SECRET: 'openssl rand -hex 32',
        INTAKE_PROXY_SECRET: "openssl rand -hex 32 (intake and the reporter's site)",
      },
      usedBy: 'every service',
    },
    { name: 'vertrouwd-smtp', keys: { SMTP_URL: 'smtps://user:password@relay.example.org:465' }, usedBy: 'every service' },
    {
      name: 'identity-admin-client',
      keys: { IDENTITY_ADMIN_CLIENT_SECRET: 'openssl rand -hex 32' },
      usedBy: 'keycloak (realm import) and the services that manage staff accounts',
    },
    {
      name: 'portal-client',
      keys: { PORTAL_CLIENT_SECRET: 'openssl rand -hex 32' },
      usedBy: "keycloak (realm import) and the staff portal's server (client vertrouwd-portal)",
    },
    { name: 'keycloak-bootstrap-admin', keys: { username: 'a name', password: 'openssl rand -hex 24' }, usedBy: 'keycloak' },
  ];
}

/** Variables that carry a secret: only ever from a Secret, never a literal. */
export const SECRET_VARIABLES: Record<string, { secret: string; key: string }> = {
  PRIVACY_MASTER_KEY: { secret: 'vertrouwd-platform', key: 'PRIVACY_MASTER_KEY' },
  REPORTER_TOKEN_SECRET: { secret: 'vertrouwd-platform', key: 'REPORTER_TOKEN_SECRET' },
  INTAKE_PROXY_SECRET: { secret: 'vertrouwd-platform', key: 'INTAKE_PROXY_SECRET' },
  SMTP_URL: { secret: 'vertrouwd-smtp', key: 'SMTP_URL' },
  IDENTITY_ADMIN_CLIENT_SECRET: { secret: 'identity-admin-client', key: 'IDENTITY_ADMIN_CLIENT_SECRET' },
  PORTAL_CLIENT_SECRET: { secret: 'portal-client', key: 'PORTAL_CLIENT_SECRET' },
};

/** Variables a manifest names that production leaves unset on purpose, and why. */
export const LEFT_UNSET: Record<string, { because: string; when: [variable: string, value: string] }> = {
  BUS_DATABASE_URL: { because: 'BUS=kafka: the Postgres bus is not used', when: ['BUS', 'kafka'] },
};

/**
 * A service's environment: every variable its manifest names, from the ConfigMap, a Secret, or composed. The
 * database URLs are composed by Kubernetes from a password variable (`$(DATABASE_PASSWORD)`), so each password
 * lives in one Secret that the database server reads too.
 */
export function serviceEnvironment(manifest: ServiceManifest): Record<string, unknown>[] {
  const env: Record<string, unknown>[] = [];
  const wants = new Set(manifest.environment);
  const literal: Record<string, string> = { SERVICE_NAME: manifest.name, HOST: '0.0.0.0', PORT: String(manifest.port) };
  for (const name of manifest.environment) {
    if (name in literal) env.push({ name, value: literal[name] });
    else if (name in SECRET_VARIABLES) env.push(secretEnv(name, SECRET_VARIABLES[name].secret, SECRET_VARIABLES[name].key));
    else if (name in SERVICE_SETTINGS) env.push(configEnv(name, SERVICES_CONFIG));
  }
  if (wants.has('DATABASE_URL')) {
    env.push(secretEnv('DATABASE_PASSWORD', postgresSecret(manifest.name), POSTGRES_PASSWORD_KEY));
    env.push({ name: 'DATABASE_URL', value: postgresUrl(manifest.name, manifest.database, 'DATABASE_PASSWORD') });
  }
  if (wants.has('PRIVACY_DATABASE_URL')) {
    env.push(secretEnv('PRIVACY_DATABASE_PASSWORD', postgresSecret('privacy'), POSTGRES_PASSWORD_KEY));
    env.push({ name: 'PRIVACY_DATABASE_URL', value: postgresUrl('privacy', 'vertrouwd_privacy', 'PRIVACY_DATABASE_PASSWORD') });
  }
  if (wants.has('PRIVACY_ERASURE_LEDGER_URL')) {
    env.push(secretEnv('ERASURE_LEDGER_PASSWORD', postgresSecret('erasures'), POSTGRES_PASSWORD_KEY));
    env.push({ name: 'PRIVACY_ERASURE_LEDGER_URL', value: postgresUrl('erasures', 'vertrouwd_erasures', 'ERASURE_LEDGER_PASSWORD') });
  }
  return env;
}

/** The role is named after the server (`intake`, `privacy`); Kubernetes expands `$(variable)` from earlier entries. */
export function postgresUrl(server: string, database: string, passwordVariable: string): string {
  return `postgres://${server}:$(${passwordVariable})@postgres-${server}:5432/${database}`;
}

export function servicesConfigMap(): KubernetesObject {
  return object('v1', 'ConfigMap', SERVICES_CONFIG, labelsOf(SERVICES_CONFIG, 'configuration'), { data: { ...SERVICE_SETTINGS } });
}
