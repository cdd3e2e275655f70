import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HealthController } from '@vertrouwd/http';
import { readServiceManifests } from '../service-manifests';
import { readWebManifests, urlVariableOf, type WebManifest } from '../web-services';
import { secretsOf, SERVICES_CONFIG } from './configuration';
import { kustomize, readObjects } from './kustomize';
import {
  disruptionProblems,
  environmentProblems,
  networkProblems,
  probeProblems,
  secretProblems,
  securityProblems,
  webEnvironmentProblems,
} from './kubernetes-rules';
import { schemaProblem } from './kubernetes-schema';
import type { KubernetesObject } from './objects';
import { BASE_DIRECTORY, renderFiles, renderKubernetes } from './render';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- broken copies are edited as the untyped YAML data they are
type Loose = any;

const ROOT = join(__dirname, '../../..');
const manifests = readServiceManifests();
const services = manifests.map((m) => m.name);
const webs = readWebManifests();
const webNames = webs.map((w) => w.name);
const objects = [...renderKubernetes(manifests, webs).values()].flat();
const secrets = secretsOf(manifests, webs);
// The broken copies of the web rules use the first web manifest and the first service it calls, whichever they are.
const web = webs[0];
const called = web.calls[0];

// The routes the HTTP kit really serves, read from its controller rather than written down twice.
const route = (method: keyof HealthController) =>
  `/${Reflect.getMetadata('path', HealthController) as string}/${Reflect.getMetadata('path', HealthController.prototype[method]) as string}`;
const routes = { live: route('live'), ready: route('ready') };

/** A deep copy with one change: each rule must catch the broken copy, or the rule proves nothing. */
function broken(change: (objects: Loose[]) => void): KubernetesObject[] {
  const copy = structuredClone(objects);
  change(copy);
  return copy;
}
const find = (list: Loose[], kind: string, name: string) => list.find((o) => o.kind === kind && o.metadata.name === name);
const container = (list: Loose[], name: string) =>
  (find(list, 'Deployment', name) ?? find(list, 'StatefulSet', name)).spec.template.spec.containers[0];
const envOf = (list: Loose[], name: string) => container(list, name).env as Loose[];

describe('the Kubernetes base (deploy/k8s/base)', () => {
  it('is what `npm run k8s:render` writes from the service and web manifests (edit the generator, then render)', () => {
    for (const [file, text] of renderFiles(manifests, webs)) {
      expect({ file, text: readFileSync(join(ROOT, BASE_DIRECTORY, file), 'utf8') }).toEqual({ file, text });
    }
  });

  it('runs every service and web service with a manifest, each with its database, the key vault, KurrentDB, Kafka, Keycloak and the collector', () => {
    const workloads = objects.filter((o) => o.kind === 'Deployment' || o.kind === 'StatefulSet').map((o) => o.metadata.name);
    expect(workloads.sort()).toEqual(
      [
        ...services,
        ...services.map((s) => `postgres-${s}`),
        ...webNames,
        ...webNames.map((w) => `postgres-${w}`),
        'postgres-privacy',
        'postgres-erasures',
        'postgres-keycloak',
        'kurrentdb',
        'kafka',
        'keycloak',
        'otel-collector',
      ].sort(),
    );
    for (const m of [...manifests, ...webs]) {
      expect(container(objects, m.name).image).toBe(`vertrouwd/${m.name}:0.1.0`);
      expect(container(objects, m.name).ports).toEqual([{ name: 'http', containerPort: m.port, protocol: 'TCP' }]);
      const db = envOf(objects, `postgres-${m.name}`).find((e) => e.name === 'POSTGRES_DB');
      expect(db.value).toBe(m.database);
    }
    // Tokens carry Keycloak's public name as their issuer: the services must expect that one.
    const settings = find(objects, 'ConfigMap', SERVICES_CONFIG).data;
    expect(settings.OIDC_ISSUER).toBe(`${settings.KC_HOSTNAME}/realms/vertrouwd`);
  });

  it("gives Keycloak every variable its realm takes at import, the staff portal client's secret and origin among them", () => {
    const realm = Object.values(find(objects, 'ConfigMap', 'keycloak-realm').data as Record<string, string>)[0];
    const placeholders = [...new Set([...realm.matchAll(/\$\{([A-Z][A-Z0-9_]*)\}/g)].map((m) => m[1]))];
    expect(placeholders).toEqual(expect.arrayContaining(['PORTAL_CLIENT_SECRET', 'PORTAL_URL', 'IDENTITY_ADMIN_CLIENT_SECRET']));
    const given = (envOf(objects, 'keycloak') as { name: string }[]).map((e) => e.name);
    expect(placeholders.filter((name) => !given.includes(name))).toEqual([]);
    // The portal's client redirects only to the portal's public origin, as the portal's server is given it.
    const portal = (JSON.parse(realm) as { clients: Record<string, unknown>[] }).clients.find((c) => c.clientId === 'vertrouwd-portal')!;
    expect(portal.redirectUris).toEqual(['${PORTAL_URL}/auth/callback']);
    expect(JSON.stringify(portal)).not.toContain('localhost');
  });

  describe('against the Kubernetes API schemas (kubernetes-models)', () => {
    it('validates every object', () => {
      expect(objects.map(schemaProblem).filter(Boolean)).toEqual([]);
    });

    it.each([
      ['a replica count that is not a number', (o: Loose[]) => (find(o, 'Deployment', 'intake').spec.replicas = 'two')],
      ['a container without an image name', (o: Loose[]) => delete container(o, 'case').name],
      ['a probe port that is neither number nor name', (o: Loose[]) => (container(o, 'case').livenessProbe.httpGet.port = { p: 1 })],
      [
        'a NetworkPolicy rule whose peers are not a list',
        (o: Loose[]) => (find(o, 'NetworkPolicy', 'kafka').spec.ingress[0].from = 'everyone'),
      ],
      ['an autoscaler without its target', (o: Loose[]) => delete find(o, 'HorizontalPodAutoscaler', 'billing').spec.scaleTargetRef],
      ['a kind it has no schema for', (o: Loose[]) => (find(o, 'Service', 'kafka').apiVersion = 'v2')],
    ])('refuses %s', (_what, change) => {
      expect(broken(change).map(schemaProblem).filter(Boolean)).toHaveLength(1);
    });
  });

  describe('probes', () => {
    it(`checks every service's readiness on ${routes.ready} and liveness on ${routes.live}, every other workload too`, () => {
      expect(routes).toEqual({ live: '/health/live', ready: '/health/ready' });
      expect(probeProblems(objects, [...services, ...webNames], routes)).toEqual([]);
    });

    it.each([
      ['no readiness probe', (o: Loose[]) => delete container(o, 'kafka').readinessProbe],
      ['liveness on a path the kit does not serve', (o: Loose[]) => (container(o, 'intake').livenessProbe.httpGet.path = '/healthz')],
      [
        'liveness on readiness (a database outage would restart every pod)',
        (o: Loose[]) => (container(o, 'case').livenessProbe.httpGet.path = '/health/ready'),
      ],
      ['a probe on a port the container does not have', (o: Loose[]) => (container(o, 'billing').readinessProbe.httpGet.port = 'metrics')],
      ["a web service's readiness on its home page", (o: Loose[]) => (container(o, web.name).readinessProbe.httpGet.path = '/')],
      ["a web service's liveness on readiness", (o: Loose[]) => (container(o, web.name).livenessProbe.httpGet.path = '/health/ready')],
    ])('catches %s', (_what, change) => {
      expect(probeProblems(broken(change), [...services, ...webNames], routes)).toHaveLength(1);
    });
  });

  describe('disruption budgets and autoscalers', () => {
    it('gives every service and web service both, with room for a drain', () => {
      expect(disruptionProblems(objects, [...services, ...webNames])).toEqual([]);
    });

    it.each([
      ['no autoscaler', (o: Loose[]) => o.splice(o.indexOf(find(o, 'HorizontalPodAutoscaler', 'matching')), 1)],
      [
        'an autoscaler aimed at another Deployment',
        (o: Loose[]) => (find(o, 'HorizontalPodAutoscaler', 'case').spec.scaleTargetRef.name = 'intake'),
      ],
      [
        'a budget selecting other pods',
        (o: Loose[]) => (find(o, 'PodDisruptionBudget', 'reporting').spec.selector.matchLabels['app.kubernetes.io/name'] = 'x'),
      ],
      ['a budget no drain can honour', (o: Loose[]) => (find(o, 'PodDisruptionBudget', 'intake').spec.minAvailable = 2)],
      ['a web service without an autoscaler', (o: Loose[]) => o.splice(o.indexOf(find(o, 'HorizontalPodAutoscaler', web.name)), 1)],
      ['a web service on one replica', (o: Loose[]) => (find(o, 'HorizontalPodAutoscaler', web.name).spec.minReplicas = 1)],
    ])('catches %s', (_what, change) => {
      expect(disruptionProblems(broken(change), [...services, ...webNames]).length).toBeGreaterThan(0);
    });
  });

  describe('environment', () => {
    it("provides every variable of each service's manifest, and the services' own check accepts it", () => {
      expect(environmentProblems(objects, manifests, secrets)).toEqual([]);
    });

    it.each([
      [
        'a variable of the manifest missing',
        (o: Loose[]) =>
          envOf(o, 'matching').splice(
            envOf(o, 'matching').findIndex((e) => e.name === 'IDENTITY_ADMIN_URL'),
            1,
          ),
      ],
      ['a key the ConfigMap does not have', (o: Loose[]) => delete find(o, 'ConfigMap', SERVICES_CONFIG).data.KAFKA_BROKERS],
      [
        'a Secret the operator is never told to create',
        (o: Loose[]) => (envOf(o, 'case').find((e) => e.name === 'PRIVACY_MASTER_KEY').valueFrom.secretKeyRef.name = 'master'),
      ],
      ['a value the service would refuse at start', (o: Loose[]) => (find(o, 'ConfigMap', SERVICES_CONFIG).data.EVENT_STORE = 'kurrent')],
      [
        'KurrentDB chosen without its URL',
        (o: Loose[]) =>
          envOf(o, 'billing').splice(
            envOf(o, 'billing').findIndex((e) => e.name === 'KURRENTDB_URL'),
            1,
          ),
      ],
      ['a variable the manifest does not name', (o: Loose[]) => envOf(o, 'intake').push({ name: 'CASE_WAITING_ALERT_HOURS', value: '5' })],
      ['a reference to a variable set after it', (o: Loose[]) => envOf(o, 'reporting').reverse()],
    ])('catches %s', (_what, change) => {
      expect(environmentProblems(broken(change), manifests, secrets).length).toBeGreaterThan(0);
    });

    it("provides every variable of each web service's manifest: the services it calls, its database, its session secret", () => {
      expect(webEnvironmentProblems(objects, webs, secrets)).toEqual([]);
      const env = Object.fromEntries(envOf(objects, web.name).map((e: Loose) => [e.name, e.value ?? e.valueFrom]));
      expect(env[urlVariableOf(called)]).toBe(`http://${called}:${manifests.find((m) => m.name === called)!.port}`);
      expect(env.SESSION_SECRET).toEqual({ secretKeyRef: { name: `${web.name}-session`, key: 'SESSION_SECRET' } });
    });

    it.each([
      [
        'a variable of the web manifest missing',
        (o: Loose[]) =>
          envOf(o, web.name).splice(
            envOf(o, web.name).findIndex((e: Loose) => e.name === 'SESSION_SECRET'),
            1,
          ),
      ],
      [
        'a called service on the wrong port',
        (o: Loose[]) => (envOf(o, web.name).find((e: Loose) => e.name === urlVariableOf(called)).value = `http://${called}:80`),
      ],
      [
        "another service's database",
        (o: Loose[]) =>
          (envOf(o, web.name).at(-1).value = envOf(o, web.name).at(-1).value.replace(`postgres-${web.name}`, 'postgres-intake')),
      ],
      [
        'its database server creating another database',
        (o: Loose[]) => (envOf(o, `postgres-${web.name}`).find((e: Loose) => e.name === 'POSTGRES_DB').value = 'vertrouwd'),
      ],
      ['a variable the web manifest does not name', (o: Loose[]) => envOf(o, web.name).push({ name: 'PRIVACY_MASTER_KEY', value: 'x' })],
      [
        'a session secret shared with another workload',
        (o: Loose[]) =>
          envOf(o, 'case').push({
            name: 'SESSION_SECRET',
            valueFrom: { secretKeyRef: { name: `${web.name}-session`, key: 'SESSION_SECRET' } },
          }),
      ],
      [
        'a session secret from a Secret the operator is never told to create',
        (o: Loose[]) => (envOf(o, web.name).find((e: Loose) => e.name === 'SESSION_SECRET').valueFrom.secretKeyRef.name = 'sessions'),
      ],
    ])('catches %s', (_what, change) => {
      expect(webEnvironmentProblems(broken(change), webs, secrets).length).toBeGreaterThan(0);
    });
  });

  describe('secrets', () => {
    it('carries no secret value: every secret comes from a Secret the operator creates', () => {
      expect(objects.filter((o) => o.kind === 'Secret')).toEqual([]);
      expect(secretProblems(objects)).toEqual([]);
    });

    it.each([
      ['a Secret with data', (o: Loose[]) => o.push({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringData: { a: 'b' } })],
      [
        'a master key as a literal',
        (o: Loose[]) => (envOf(o, 'intake').find((e) => e.name === 'PRIVACY_MASTER_KEY').valueFrom = undefined),
      ],
      [
        'a password in a database URL',
        (o: Loose[]) =>
          (envOf(o, 'case').find((e) => e.name === 'DATABASE_URL').value = 'postgres://case:hunter2@postgres-case:5432/vertrouwd_case'),
      ],
      [
        'a password in the ConfigMap',
        (o: Loose[]) => (find(o, 'ConfigMap', SERVICES_CONFIG).data.KURRENTDB_URL = 'kurrentdb://admin:changeit@kurrentdb:2113'),
      ],
      [
        'a database password as a literal',
        (o: Loose[]) => envOf(o, 'postgres-billing').splice(2, 1, { name: 'POSTGRES_PASSWORD', value: 'x' }),
      ],
      [
        "a web service's session secret as a literal",
        (o: Loose[]) => {
          const entry = envOf(o, web.name).find((e: Loose) => e.name === 'SESSION_SECRET');
          delete entry.valueFrom;
          entry.value = 's'.repeat(64);
        },
      ],
      [
        'a demo user with a password in the realm',
        (o: Loose[]) => {
          const realm = find(o, 'ConfigMap', 'keycloak-realm');
          const [key] = Object.keys(realm.data);
          realm.data[key] = JSON.stringify({ users: [{ username: 'a', credentials: [{ value: 'demo' }] }] });
        },
      ],
    ])('catches %s', (_what, change) => {
      expect(secretProblems(broken(change)).length).toBeGreaterThan(0);
    });
  });

  describe('network policies', () => {
    it('deny by default; a service reaches only its database, the key vault, KurrentDB, Kafka, Keycloak, the collector, DNS and a mail relay', () => {
      expect(networkProblems(objects, services, webs)).toEqual([]);
    });

    it('let a web service reach only its own database, the services it calls and DNS, and be reached only from the ingress controller', () => {
      const policy = find(objects, 'NetworkPolicy', web.name);
      expect(policy.spec.ingress).toEqual([
        {
          from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }],
          ports: [{ port: web.port, protocol: 'TCP' }],
        },
      ]);
      // The service it calls admits it, on its own port, beside the ingress controller.
      const calledPolicy = find(objects, 'NetworkPolicy', called);
      expect(JSON.stringify(calledPolicy.spec.ingress)).toContain(`"${web.name}"`);
    });

    it.each([
      ['no default deny', (o: Loose[]) => o.splice(o.indexOf(find(o, 'NetworkPolicy', 'default-deny')), 1)],
      [
        "a service reaching another's database",
        (o: Loose[]) =>
          find(o, 'NetworkPolicy', 'intake').spec.egress[0].to.push({
            podSelector: { matchLabels: { 'app.kubernetes.io/name': 'postgres-case' } },
          }),
      ],
      [
        'a database open to another service',
        (o: Loose[]) =>
          (find(o, 'NetworkPolicy', 'postgres-billing').spec.ingress[0].from[0].podSelector.matchLabels['app.kubernetes.io/name'] =
            'reporting'),
      ],
      ['egress to anywhere', (o: Loose[]) => find(o, 'NetworkPolicy', 'case').spec.egress.push({})],
      [
        'a mail rule that reaches into the cluster',
        (o: Loose[]) => find(o, 'NetworkPolicy', 'matching').spec.egress.at(-1).to[0].ipBlock.except.pop(),
      ],
      [
        'a second policy opening a service further',
        (o: Loose[]) =>
          o.push({
            ...find(o, 'NetworkPolicy', 'kafka'),
            metadata: { name: 'extra' },
            spec: {
              podSelector: { matchLabels: { 'app.kubernetes.io/name': 'billing' } },
              policyTypes: ['Egress'],
              egress: [{ ports: [{ port: 443 }] }],
            },
          }),
      ],
      [
        "a web service reaching another service's database",
        (o: Loose[]) =>
          find(o, 'NetworkPolicy', web.name).spec.egress[0].to.push({
            podSelector: { matchLabels: { 'app.kubernetes.io/name': 'postgres-privacy' } },
          }),
      ],
      [
        'a web service reaching a service it does not call',
        (o: Loose[]) =>
          find(o, 'NetworkPolicy', web.name).spec.egress.push({
            to: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'billing' } } }],
            ports: [{ port: 3004, protocol: 'TCP' }],
          }),
      ],
      [
        'a called service that does not admit the web service',
        (o: Loose[]) => find(o, 'NetworkPolicy', called).spec.ingress[0].from.splice(1),
      ],
      [
        "a web service's database open to a service",
        (o: Loose[]) =>
          (find(o, 'NetworkPolicy', `postgres-${web.name}`).spec.ingress[0].from[0].podSelector.matchLabels['app.kubernetes.io/name'] =
            called),
      ],
      [
        'the erasure ledger open to a web service',
        (o: Loose[]) =>
          find(o, 'NetworkPolicy', 'postgres-erasures').spec.ingress[0].from.push({
            podSelector: { matchLabels: { 'app.kubernetes.io/name': web.name } },
          }),
      ],
      [
        'a web service open to every pod',
        (o: Loose[]) => find(o, 'NetworkPolicy', web.name).spec.ingress.push({ from: [{ podSelector: {} }] }),
      ],
    ])('catches %s', (_what, change) => {
      expect(networkProblems(broken(change), services, webs).length).toBeGreaterThan(0);
    });
  });

  describe('security contexts and resources', () => {
    const readOnly = [
      ...[...services, ...webNames].flatMap((s) => [s, `postgres-${s}`]),
      'postgres-privacy',
      'postgres-erasures',
      'postgres-keycloak',
      'otel-collector',
    ];

    it('runs every pod as a non-root user without capabilities, read-only where the image allows, with requests', () => {
      expect(securityProblems(objects, readOnly)).toEqual([]);
    });

    it.each([
      ['root', (o: Loose[]) => (find(o, 'Deployment', 'intake').spec.template.spec.securityContext.runAsUser = 0)],
      ['a writable root filesystem for a service', (o: Loose[]) => (container(o, 'case').securityContext.readOnlyRootFilesystem = false)],
      ['privilege escalation', (o: Loose[]) => delete container(o, 'kafka').securityContext.allowPrivilegeEscalation],
      ['no memory limit', (o: Loose[]) => delete container(o, 'reporting').resources.limits],
      ['a web service as root', (o: Loose[]) => (find(o, 'Deployment', web.name).spec.template.spec.securityContext.runAsUser = 0)],
      ['a writable root for a web service', (o: Loose[]) => (container(o, web.name).securityContext.readOnlyRootFilesystem = false)],
    ])('catches %s', (_what, change) => {
      expect(securityProblems(broken(change), readOnly)).toHaveLength(1);
    });
  });
});

describe('a web service that arrives with its manifest alone', () => {
  // Shaped like the staff portal: it signs staff in (OIDC_ISSUER, a client secret, its public origin) and calls two
  // services. Nothing in the generator or the rules names it.
  const staff: WebManifest = {
    name: 'staff-web',
    description: 'A second web service',
    port: 3099,
    database: 'vertrouwd_staff_web',
    environment: [
      'PORT',
      'HOST',
      'DATABASE_URL',
      'SESSION_SECRET',
      'OIDC_ISSUER',
      'PORTAL_CLIENT_SECRET',
      'PORTAL_URL',
      'CASE_URL',
      'MATCHING_URL',
    ],
    calls: ['case', 'matching'],
  };
  const all = [...webs, staff];
  const rendered = [...renderKubernetes(manifests, all).values()].flat();
  const names = all.map((w) => w.name);

  it('gets its workload, database, secrets and policies from the manifest, and every rule holds', () => {
    expect(rendered.map(schemaProblem).filter(Boolean)).toEqual([]);
    expect([
      ...probeProblems(rendered, [...services, ...names], routes),
      ...disruptionProblems(rendered, [...services, ...names]),
      ...webEnvironmentProblems(rendered, all, secretsOf(manifests, all)),
      ...secretProblems(rendered),
      ...networkProblems(rendered, services, all),
    ]).toEqual([]);
    const env = Object.fromEntries(envOf(rendered, 'staff-web').map((e: Loose) => [e.name, e.value ?? e.valueFrom]));
    expect(env.PORTAL_CLIENT_SECRET).toEqual({ secretKeyRef: { name: 'portal-client', key: 'PORTAL_CLIENT_SECRET' } });
    expect(env.OIDC_ISSUER).toEqual({ configMapKeyRef: { name: SERVICES_CONFIG, key: 'OIDC_ISSUER' } });
    expect([env.CASE_URL, env.MATCHING_URL]).toEqual(['http://case:3002', 'http://matching:3003']);
    // It reaches the issuer at its public name, through the ingress controller; case and matching admit it.
    expect(JSON.stringify(find(rendered, 'NetworkPolicy', 'staff-web').spec.egress)).toContain('"port":443');
    for (const service of ['case', 'matching'])
      expect(JSON.stringify(find(rendered, 'NetworkPolicy', service).spec.ingress)).toContain('staff-web');
    expect(JSON.stringify(find(rendered, 'NetworkPolicy', 'intake').spec.ingress)).not.toContain('staff-web');
  });

  it('stops the render when it names a variable the cluster has no value for', () => {
    expect(() => renderKubernetes(manifests, [{ ...staff, environment: [...staff.environment, 'FAVOURITE_COLOUR'] }])).toThrow(
      'staff-web: no value for FAVOURITE_COLOUR',
    );
    expect(() => renderKubernetes(manifests, [{ ...staff, calls: ['nowhere'] }])).toThrow('staff-web calls nowhere');
  });
});

describe('the example overlay (deploy/k8s/overlays/example)', () => {
  const directory = join(ROOT, 'deploy/k8s/overlays/example');
  const rendered = kustomize(directory);
  const key = (o: KubernetesObject) => `${o.kind}/${o.metadata.name}`;

  it('sets the namespace, the registry and the public names, and still passes every rule', () => {
    expect(rendered.map(key).sort()).toEqual(objects.map(key).sort());
    expect(rendered.every((o) => o.metadata.namespace === 'vertrouwd')).toBe(true);
    for (const name of [...services, ...webNames]) {
      expect(container(rendered, name).image).toBe(`registry.example.org/vertrouwd/${name}:0.1.0`);
    }
    expect(find(rendered, 'ConfigMap', SERVICES_CONFIG).data.OIDC_ISSUER).toBe('https://login.example.org/realms/vertrouwd');
    expect(find(rendered, 'ConfigMap', SERVICES_CONFIG).data.KAFKA_BROKERS).toBe('kafka:9092');
    const settings = find(rendered, 'ConfigMap', SERVICES_CONFIG).data;
    expect(settings.OIDC_ISSUER).toBe(`${settings.KC_HOSTNAME}/realms/vertrouwd`);
    expect(rendered.map(schemaProblem).filter(Boolean)).toEqual([]);
    expect([
      ...environmentProblems(rendered, manifests, secrets),
      ...webEnvironmentProblems(rendered, webs, secrets),
      ...secretProblems(rendered),
      ...networkProblems(rendered, services, webs),
      ...probeProblems(rendered, [...services, ...webNames], routes),
    ]).toEqual([]);
  });

  it('renders as kubectl kustomize renders it (where kubectl is installed)', () => {
    let output: string;
    try {
      output = execFileSync('kubectl', ['kustomize', directory], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        console.log('kubectl is not installed: the overlay was rendered by deploy/src/kubernetes/kustomize.ts alone');
        return;
      }
      throw error;
    }
    const byKey = (list: KubernetesObject[]) => Object.fromEntries(list.map((o) => [key(o), o]));
    expect(byKey(readObjectsFromText(output))).toEqual(byKey(rendered));
  });
});

function readObjectsFromText(text: string): KubernetesObject[] {
  const path = join(tmpdir(), `kustomized-${process.pid}.yaml`);
  writeFileSync(path, text);
  return readObjects(path);
}
