import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { ServiceManifest } from '../service-manifests';
import { POSTGRES_PASSWORD_KEY, postgresSecret, REALM, SECRET_VARIABLES, SERVICES_CONFIG } from './configuration';
import { INFRASTRUCTURE_FOOTPRINT, postgresFootprint, type Footprint } from './footprint';
import { DNS, FROM_INGRESS, networkPolicy, pod, SMTP, type Rule } from './network-policies';
import { clusterService, configEnv, labelsOf, object, secretEnv, type KubernetesObject } from './objects';
import { statefulSet } from './stateful';

const ROOT = join(__dirname, '../../..');

/** Images as docker-compose.yml runs them; an overlay pins digests (`images:` in kustomization.yaml). */
export const IMAGES = {
  postgres: 'postgres:18',
  kurrentdb: 'docker.kurrent.io/kurrent-latest/kurrentdb:latest',
  kafka: 'apache/kafka:4.1.0',
  keycloak: 'quay.io/keycloak/keycloak:26.4',
  otelCollector: 'otel/opentelemetry-collector-contrib:0.151.0',
};

const tcp = (port: number | string) => ({ tcpSocket: { port }, periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 3 });
const http = (path: string, port: number | string) => ({
  httpGet: { path, port },
  periodSeconds: 10,
  timeoutSeconds: 3,
  failureThreshold: 3,
});
const fromServices = (manifests: ServiceManifest[]) => manifests.map((m) => pod(m.name));

/**
 * One PostgreSQL server per database: a NetworkPolicy acts on pods and ports, not on databases, so "a service
 * reaches only its own database" needs its database on a server of its own. `clients` are the only pods let in.
 */
export function postgresObjects(
  server: string,
  clients: string[],
  storage: string,
  options: { database?: string; footprint?: Footprint } = {},
): KubernetesObject[] {
  const name = `postgres-${server}`;
  const database = options.database ?? (server === 'keycloak' ? 'keycloak' : `vertrouwd_${server}`);
  const ready = {
    exec: { command: ['pg_isready', '-h', '127.0.0.1', '-U', server, '-d', database] },
    periodSeconds: 10,
    timeoutSeconds: 5,
  };
  return [
    statefulSet({
      name,
      component: 'database',
      image: IMAGES.postgres,
      user: 999, // the image's postgres user
      readOnlyRootFilesystem: true,
      ports: [{ name: 'postgres', containerPort: 5432 }],
      env: [
        { name: 'POSTGRES_USER', value: server },
        { name: 'POSTGRES_DB', value: database },
        secretEnv('POSTGRES_PASSWORD', postgresSecret(server), POSTGRES_PASSWORD_KEY),
      ],
      footprint: options.footprint ?? postgresFootprint(server),
      probes: { readiness: ready, liveness: { ...ready, failureThreshold: 6 } },
      // From PostgreSQL 18 the image keeps its data under /var/lib/postgresql/18/docker: mount the parent.
      dataPath: '/var/lib/postgresql',
      storage,
      scratch: ['/var/run/postgresql', '/tmp'],
    }),
    clusterService(name, 'database', [{ name: 'postgres', port: 5432 }]),
    networkPolicy(name, { ingress: [{ peers: clients.map(pod), ports: [{ port: 5432 }] }], egress: [] }),
  ];
}

export function kurrentdbObjects(manifests: ServiceManifest[]): KubernetesObject[] {
  const settings: Record<string, string> = {
    KURRENTDB_CLUSTER_SIZE: '1',
    KURRENTDB_NODE_PORT: '2113',
    // Reached only by the services (its NetworkPolicy); TLS and per-service users are the next step (docs/operations.md).
    KURRENTDB_INSECURE: 'true',
    KURRENTDB_RUN_PROJECTIONS: 'None',
    KURRENTDB_START_STANDARD_PROJECTIONS: 'false',
  };
  return [
    statefulSet({
      name: 'kurrentdb',
      component: 'event-store',
      image: IMAGES.kurrentdb,
      user: 1000,
      // The server writes its logs and index caches beside the binaries as well as under its data directory.
      readOnlyRootFilesystem: false,
      ports: [{ name: 'http', containerPort: 2113 }],
      env: Object.entries(settings).map(([name, value]) => ({ name, value })),
      footprint: INFRASTRUCTURE_FOOTPRINT.kurrentdb,
      probes: { readiness: http('/health/live', 2113), liveness: { ...http('/health/live', 2113), failureThreshold: 6 } },
      dataPath: '/var/lib/kurrentdb',
      storage: '50Gi',
      scratch: ['/var/log/kurrentdb'],
    }),
    clusterService('kurrentdb', 'event-store', [{ name: 'http', port: 2113 }]),
    networkPolicy('kurrentdb', { ingress: [{ peers: fromServices(manifests), ports: [{ port: 2113 }] }], egress: [] }),
  ];
}

export function kafkaObjects(manifests: ServiceManifest[]): KubernetesObject[] {
  const settings: Record<string, string> = {
    // KRaft, one node acting as broker and controller (docs/scaling.md: when to grow to three).
    KAFKA_NODE_ID: '1',
    KAFKA_PROCESS_ROLES: 'broker,controller',
    KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
    KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
    KAFKA_LISTENERS: 'PLAINTEXT://:9092,CONTROLLER://:9093',
    KAFKA_ADVERTISED_LISTENERS: 'PLAINTEXT://kafka:9092',
    KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    KAFKA_INTER_BROKER_LISTENER_NAME: 'PLAINTEXT',
    KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
    KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
    KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
    KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR: '1',
    KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR: '1',
    // The bus creates its topics with 8 partitions (docs/platform/kafka-bus.md); the same for any other topic.
    KAFKA_NUM_PARTITIONS: '8',
    KAFKA_LOG_DIRS: '/var/lib/kafka/data',
    KAFKA_HEAP_OPTS: '-Xms512m -Xmx512m',
  };
  return [
    statefulSet({
      name: 'kafka',
      component: 'bus',
      image: IMAGES.kafka,
      user: 1000, // appuser
      // The image's start script writes server.properties from the KAFKA_* variables under /opt/kafka.
      readOnlyRootFilesystem: false,
      ports: [{ name: 'kafka', containerPort: 9092 }],
      env: Object.entries(settings).map(([name, value]) => ({ name, value })),
      footprint: INFRASTRUCTURE_FOOTPRINT.kafka,
      probes: { readiness: tcp(9092), liveness: { ...tcp(9092), failureThreshold: 6 } },
      dataPath: '/var/lib/kafka/data',
      storage: '50Gi',
    }),
    clusterService('kafka', 'bus', [{ name: 'kafka', port: 9092 }]),
    networkPolicy('kafka', { ingress: [{ peers: fromServices(manifests), ports: [{ port: 9092 }] }], egress: [] }),
  ];
}

/**
 * The production realm, from the realm export docker-compose.yml imports: without the demo users (service accounts
 * stay), without the password grant, and with the mail relay and the web app's address from the environment
 * (Keycloak replaces `${VARIABLE}` at import).
 */
export function productionRealm(): Record<string, unknown> {
  const realm = JSON.parse(readFileSync(join(ROOT, 'deploy/keycloak/realm-export.json'), 'utf8')) as {
    users: { serviceAccountClientId?: string }[];
    clients: Record<string, unknown>[];
    smtpServer: Record<string, string>;
  };
  return {
    ...realm,
    sslRequired: 'external',
    users: realm.users.filter((user) => user.serviceAccountClientId !== undefined),
    clients: realm.clients.map((client) =>
      client.clientId === 'vertrouwd-web'
        ? { ...client, directAccessGrantsEnabled: false, rootUrl: '${VERTROUWD_WEB_URL}', redirectUris: ['${VERTROUWD_WEB_URL}/*'] }
        : client.clientId === 'vertrouwd-portal'
          ? { ...atOrigin(client, '${PORTAL_URL}'), directAccessGrantsEnabled: false }
          : { ...client, directAccessGrantsEnabled: false },
    ),
    smtpServer: { ...realm.smtpServer, host: '${KC_SMTP_HOST}', port: '${KC_SMTP_PORT}', from: '${KC_SMTP_FROM}', starttls: 'true' },
  };
}

/** The client with its local origin (rootUrl) replaced everywhere, redirect and logout URIs included, by `origin`. */
function atOrigin(client: Record<string, unknown>, origin: string): Record<string, unknown> {
  const local = client.rootUrl as string;
  return JSON.parse(JSON.stringify(client).split(local).join(origin)) as Record<string, unknown>;
}

export const KEYCLOAK_SETTINGS: Record<string, string> = {
  KC_SMTP_HOST: 'relay.vertrouwd.example',
  KC_SMTP_PORT: '587',
  KC_SMTP_FROM: 'no-reply@vertrouwd.example',
  VERTROUWD_WEB_URL: 'https://app.vertrouwd.example',
};

export function keycloakObjects(manifests: ServiceManifest[]): KubernetesObject[] {
  const realm = object('v1', 'ConfigMap', 'keycloak-realm', labelsOf('keycloak', 'identity'), {
    data: { [`${REALM}-realm.json`]: `${JSON.stringify(productionRealm(), null, 2)}\n` },
  });
  const settings = object('v1', 'ConfigMap', 'keycloak-settings', labelsOf('keycloak', 'identity'), { data: { ...KEYCLOAK_SETTINGS } });
  const env = [
    { name: 'KC_DB', value: 'postgres' },
    { name: 'KC_DB_URL', value: 'jdbc:postgresql://postgres-keycloak:5432/keycloak' },
    { name: 'KC_DB_USERNAME', value: 'keycloak' },
    secretEnv('KC_DB_PASSWORD', postgresSecret('keycloak'), POSTGRES_PASSWORD_KEY),
    configEnv('KC_HOSTNAME', SERVICES_CONFIG),
    // Services reach it as http://keycloak:8080 for keys and the admin API; tokens still carry KC_HOSTNAME.
    { name: 'KC_HOSTNAME_BACKCHANNEL_DYNAMIC', value: 'true' },
    // TLS ends at the ingress controller, which forwards X-Forwarded-*.
    { name: 'KC_HTTP_ENABLED', value: 'true' },
    { name: 'KC_PROXY_HEADERS', value: 'xforwarded' },
    { name: 'KC_HEALTH_ENABLED', value: 'true' },
    secretEnv('KC_BOOTSTRAP_ADMIN_USERNAME', 'keycloak-bootstrap-admin', 'username'),
    secretEnv('KC_BOOTSTRAP_ADMIN_PASSWORD', 'keycloak-bootstrap-admin', 'password'),
    secretEnv('IDENTITY_ADMIN_CLIENT_SECRET', 'identity-admin-client', 'IDENTITY_ADMIN_CLIENT_SECRET'),
    // The staff portal's client: its secret and its public origin, the same values the portal's server is given.
    secretEnv('PORTAL_CLIENT_SECRET', SECRET_VARIABLES.PORTAL_CLIENT_SECRET.secret, SECRET_VARIABLES.PORTAL_CLIENT_SECRET.key),
    configEnv('PORTAL_URL', SERVICES_CONFIG),
    ...Object.keys(KEYCLOAK_SETTINGS).map((name) => configEnv(name, 'keycloak-settings')),
  ];
  const egress: Rule[] = [{ peers: [pod('postgres-keycloak')], ports: [{ port: 5432 }] }, DNS, SMTP];
  return [
    realm,
    settings,
    statefulSet({
      name: 'keycloak',
      component: 'identity',
      image: IMAGES.keycloak,
      user: 1000,
      // `start` builds the server's configuration into /opt/keycloak at first start.
      readOnlyRootFilesystem: false,
      stateless: true,
      args: ['start', '--import-realm'],
      ports: [
        { name: 'http', containerPort: 8080 },
        { name: 'management', containerPort: 9000 },
      ],
      env,
      footprint: INFRASTRUCTURE_FOOTPRINT.keycloak,
      probes: {
        readiness: http('/health/ready', 'management'),
        liveness: { ...http('/health/live', 'management'), initialDelaySeconds: 60 },
      },
      extraVolumes: [
        {
          volume: { name: 'realm', configMap: { name: 'keycloak-realm' } },
          mount: { name: 'realm', mountPath: '/opt/keycloak/data/import', readOnly: true },
        },
      ],
    }),
    clusterService('keycloak', 'identity', [{ name: 'http', port: 8080 }]),
    networkPolicy('keycloak', {
      ingress: [{ peers: [FROM_INGRESS, ...fromServices(manifests)], ports: [{ port: 8080 }] }],
      egress,
    }),
    ...postgresObjects('keycloak', ['keycloak'], '10Gi'),
  ];
}

/** The collector as docker-compose.yml configures it, exporting to the operator's trace store instead of Jaeger. */
export function collectorConfig(): Record<string, unknown> {
  return {
    extensions: { health_check: { endpoint: '0.0.0.0:13133' } },
    receivers: { otlp: { protocols: { http: { endpoint: '0.0.0.0:4318' } } } },
    processors: { memory_limiter: { check_interval: '1s', limit_percentage: 80, spike_limit_percentage: 20 }, batch: {} },
    exporters: {
      'otlp_grpc/backend': { endpoint: '${env:OTLP_BACKEND_ENDPOINT}', tls: { insecure: true } },
      debug: { verbosity: 'basic' },
    },
    service: {
      extensions: ['health_check'],
      // As in docker-compose: traces to the trace store, metrics and logs counted only (a trace store takes no others).
      pipelines: Object.fromEntries(
        (['traces', 'metrics', 'logs'] as const).map((signal) => [
          signal,
          {
            receivers: ['otlp'],
            processors: ['memory_limiter', 'batch'],
            exporters: [signal === 'traces' ? 'otlp_grpc/backend' : 'debug'],
          },
        ]),
      ),
    },
  };
}

export function collectorObjects(manifests: ServiceManifest[]): KubernetesObject[] {
  const config = object('v1', 'ConfigMap', 'otel-collector', labelsOf('otel-collector', 'telemetry'), {
    data: { 'config.yaml': stringify(collectorConfig()) },
  });
  return [
    config,
    statefulSet({
      name: 'otel-collector',
      component: 'telemetry',
      image: IMAGES.otelCollector,
      user: 10001, // the image's otel user
      readOnlyRootFilesystem: true,
      stateless: true,
      args: ['--config=/etc/otelcol-contrib/config.yaml'],
      ports: [
        { name: 'otlp-http', containerPort: 4318 },
        { name: 'health', containerPort: 13133 },
      ],
      env: [configEnv('OTLP_BACKEND_ENDPOINT', SERVICES_CONFIG)],
      footprint: INFRASTRUCTURE_FOOTPRINT['otel-collector'],
      probes: { readiness: http('/', 'health'), liveness: http('/', 'health') },
      extraVolumes: [
        {
          volume: { name: 'config', configMap: { name: 'otel-collector' } },
          mount: { name: 'config', mountPath: '/etc/otelcol-contrib', readOnly: true },
        },
      ],
    }),
    clusterService('otel-collector', 'telemetry', [{ name: 'otlp-http', port: 4318 }]),
    networkPolicy('otel-collector', {
      ingress: [{ peers: fromServices(manifests), ports: [{ port: 4318 }] }],
      // The trace store runs in another namespace of the cluster.
      egress: [DNS, { peers: [{ namespaceSelector: {} }], ports: [{ port: 4317 }] }],
    }),
  ];
}
