/* eslint-disable @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-return --
   the rules walk rendered YAML, untyped by nature (and fed deliberately broken copies); kubernetes-schema.ts checks its shapes */
import { loadServiceConfig } from '@vertrouwd/config';
import type { ServiceManifest } from '../service-manifests';
import { urlVariableOf, type WebManifest } from '../web-services';
import { LEFT_UNSET, SECRET_VARIABLES, type SecretSpec } from './configuration';
import { INGRESS_NAMESPACE, PRIVATE_RANGES } from './network-policies';
import { NAME_LABEL, type KubernetesObject } from './objects';

/**
 * The rules the issue sets for the manifests, as checks over rendered objects: each returns what is wrong (empty
 * when all holds), so the test can run it on the real base and on a broken copy.
 */

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- a rendered object is untyped YAML data

interface Workload {
  object: KubernetesObject;
  name: string;
  podLabels: Record<string, string>;
  pod: Json;
  containers: Json[];
}

export function workloads(objects: KubernetesObject[]): Workload[] {
  return objects
    .filter((o) => o.kind === 'Deployment' || o.kind === 'StatefulSet')
    .map((object) => {
      const template = (object as Json).spec?.template ?? {};
      return {
        object,
        name: object.metadata.name,
        podLabels: template.metadata?.labels ?? {},
        pod: template.spec ?? {},
        containers: template.spec?.containers ?? [],
      };
    });
}

const of = (objects: KubernetesObject[], kind: string) => objects.filter((o) => o.kind === kind) as (KubernetesObject & Json)[];
const matches = (selector: Record<string, string> | undefined, labels: Record<string, string>) =>
  Object.entries(selector ?? {}).every(([key, value]) => labels[key] === value);

/** Both probes on every container; a service's on the HTTP kit's routes (liveness never waits on dependencies). */
export function probeProblems(objects: KubernetesObject[], services: string[], routes: { live: string; ready: string }): string[] {
  const problems: string[] = [];
  for (const w of workloads(objects)) {
    for (const c of w.containers) {
      for (const kind of ['readinessProbe', 'livenessProbe'] as const) {
        if (!c[kind]) problems.push(`${w.name}: no ${kind}`);
      }
      if (!services.includes(w.name)) continue;
      const named = new Set((c.ports ?? []).map((p: Json) => p.name));
      const check = (kind: string, path: string) => {
        const get = c[kind]?.httpGet;
        if (get?.path !== path) problems.push(`${w.name}: ${kind} must GET ${path}, not ${get?.path}`);
        if (get && !named.has(get.port)) problems.push(`${w.name}: ${kind} on a port the container does not name: ${get.port}`);
      };
      check('readinessProbe', routes.ready);
      check('livenessProbe', routes.live);
      if (c.startupProbe) check('startupProbe', routes.live);
    }
  }
  return problems;
}

/** A PodDisruptionBudget and a HorizontalPodAutoscaler for every service, which a drain can still honour. */
export function disruptionProblems(objects: KubernetesObject[], services: string[]): string[] {
  const problems: string[] = [];
  for (const service of services) {
    const w = workloads(objects).find((x) => x.name === service && x.object.kind === 'Deployment');
    if (!w) {
      problems.push(`${service}: no Deployment`);
      continue;
    }
    const hpa = of(objects, 'HorizontalPodAutoscaler').find(
      (h) => h.spec?.scaleTargetRef?.kind === 'Deployment' && h.spec.scaleTargetRef.name === service,
    );
    if (!hpa) problems.push(`${service}: no HorizontalPodAutoscaler`);
    else if (!(hpa.spec.minReplicas >= 2 && hpa.spec.maxReplicas > hpa.spec.minReplicas)) {
      problems.push(`${service}: the autoscaler must keep at least 2 replicas and be able to add some`);
    }
    const pdb = of(objects, 'PodDisruptionBudget').find((p) => matches(p.spec?.selector?.matchLabels, w.podLabels));
    if (!pdb) problems.push(`${service}: no PodDisruptionBudget selecting its pods`);
    else if (typeof pdb.spec.minAvailable !== 'number' || pdb.spec.minAvailable >= (hpa?.spec?.minReplicas ?? 0)) {
      problems.push(`${service}: the disruption budget must leave a drain room (minAvailable below the minimum replicas)`);
    }
  }
  return problems;
}

/** A made-up value of the right shape for a variable taken from a Secret, so the whole environment can be loaded. */
const SAMPLE_SECRETS: Record<string, string> = {
  PRIVACY_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
  REPORTER_TOKEN_SECRET: 'a'.repeat(64),
  INTAKE_PROXY_SECRET: 'b'.repeat(64),
  SMTP_URL: 'smtps://user:password@relay.example.org:465',
  IDENTITY_ADMIN_CLIENT_SECRET: 'b'.repeat(64),
  password: 'c'.repeat(64),
};

/** A container's environment as the kubelet makes it: literals with `$(…)` expanded, ConfigMap values, sample secrets. */
function resolveEnvironment(
  objects: KubernetesObject[],
  owner: string,
  container: Json,
  secrets: SecretSpec[],
): { env: Record<string, string>; composed: Set<string>; problems: string[] } {
  const problems: string[] = [];
  const configMaps = new Map(of(objects, 'ConfigMap').map((c) => [c.metadata.name, (c.data ?? {}) as Record<string, string>]));
  const secretKeys = new Map(secrets.map((s) => [s.name, Object.keys(s.keys)]));
  const env: Record<string, string> = {};
  for (const entry of (container.env ?? []) as Json[]) {
    const where = `${owner}: ${entry.name}`;
    const fromMap = entry.valueFrom?.configMapKeyRef;
    const fromSecret = entry.valueFrom?.secretKeyRef;
    if (typeof entry.value === 'string') {
      env[entry.name] = entry.value.replace(/\$\((\w+)\)/g, (_, ref: string) => {
        if (!(ref in env)) problems.push(`${where} refers to $(${ref}), which is not set before it`);
        return env[ref] ?? '';
      });
    } else if (fromMap) {
      const value = configMaps.get(fromMap.name)?.[fromMap.key];
      if (value === undefined) problems.push(`${where} from ConfigMap ${fromMap.name} key ${fromMap.key}, which is not in the base`);
      else env[entry.name] = value;
    } else if (fromSecret) {
      if (!secretKeys.get(fromSecret.name)?.includes(fromSecret.key)) {
        problems.push(`${where} from Secret ${fromSecret.name} key ${fromSecret.key}, which docs/operations.md does not list`);
      }
      env[entry.name] = SAMPLE_SECRETS[fromSecret.key] ?? 'x'.repeat(64);
    } else problems.push(`${where} has no value`);
  }
  const composed = new Set(
    ((container.env ?? []) as Json[]).flatMap((e) => [...String(e.value ?? '').matchAll(/\$\((\w+)\)/g)].map((m) => m[1])),
  );
  return { env, composed, problems };
}

/**
 * Every variable a service's manifest names is given (or left unset on purpose, its condition holding), from a
 * literal, the ConfigMap, a documented Secret, or composed of earlier ones; nothing else is set but the helpers
 * composed into another; and the result passes the services' own configuration check.
 */
export function environmentProblems(objects: KubernetesObject[], manifests: ServiceManifest[], secrets: SecretSpec[]): string[] {
  const problems: string[] = [];
  for (const manifest of manifests) {
    const container = workloads(objects).find((w) => w.name === manifest.name)?.containers[0];
    if (!container) {
      problems.push(`${manifest.name}: no container`);
      continue;
    }
    const resolved = resolveEnvironment(objects, manifest.name, container, secrets);
    const { env, composed } = resolved;
    problems.push(...resolved.problems);
    const given = new Set(Object.keys(env));
    for (const name of manifest.environment) {
      if (given.has(name)) continue;
      const unset = LEFT_UNSET[name];
      if (!unset || env[unset.when[0]] !== unset.when[1]) problems.push(`${manifest.name}: ${name} is not provided`);
    }
    for (const name of given) {
      if (!manifest.environment.includes(name) && !composed.has(name)) problems.push(`${manifest.name}: ${name} is not in its manifest`);
    }
    try {
      loadServiceConfig(env);
    } catch (error) {
      problems.push(`${manifest.name}: ${(error as Error).message}`);
    }
  }
  return problems;
}

/** The port a Service of the base offers, or undefined when there is no such Service. */
function servicePort(objects: KubernetesObject[], name: string): number | undefined {
  return of(objects, 'Service').find((s) => s.metadata.name === name)?.spec?.ports?.[0]?.port;
}

/**
 * A web service gets exactly the variables its web manifest names (and the helpers composed into them): the address
 * of each service it calls as `<NAME>_URL`, at that service's Service and port; its own database on its own server;
 * and a session secret from a Secret no other workload reads.
 */
export function webEnvironmentProblems(objects: KubernetesObject[], webs: WebManifest[], secrets: SecretSpec[]): string[] {
  const problems: string[] = [];
  for (const web of webs) {
    const container = workloads(objects).find((w) => w.name === web.name)?.containers[0];
    if (!container) {
      problems.push(`${web.name}: no container`);
      continue;
    }
    const { env, composed, problems: found } = resolveEnvironment(objects, web.name, container, secrets);
    problems.push(...found);
    for (const name of web.environment) if (!(name in env)) problems.push(`${web.name}: ${name} is not provided`);
    for (const name of Object.keys(env)) {
      if (!web.environment.includes(name) && !composed.has(name)) problems.push(`${web.name}: ${name} is not in its manifest`);
    }
    for (const called of web.calls) {
      const expected = `http://${called}:${servicePort(objects, called)}`;
      if (env[urlVariableOf(called)] !== expected)
        problems.push(`${web.name}: ${urlVariableOf(called)} is ${env[urlVariableOf(called)]}, not ${expected}`);
    }
    if (web.environment.includes('DATABASE_URL')) {
      const url = URL.canParse(env.DATABASE_URL ?? '') ? new URL(env.DATABASE_URL) : undefined;
      const server = `postgres-${web.name}`;
      if (url?.hostname !== server || url.pathname.slice(1) !== web.database || servicePort(objects, server) !== Number(url.port)) {
        problems.push(`${web.name}: DATABASE_URL must be ${web.database} on its own server ${server}`);
      }
      const created = workloads(objects)
        .find((w) => w.name === server)
        ?.containers[0]?.env?.find((e: Json) => e.name === 'POSTGRES_DB')?.value;
      if (created !== web.database) problems.push(`${server} creates the database ${created}, not ${web.database}`);
    }
    const session = ((container.env ?? []) as Json[]).find((e) => e.name === 'SESSION_SECRET')?.valueFrom?.secretKeyRef?.name;
    if (web.environment.includes('SESSION_SECRET') && session) {
      const readers = workloads(objects).filter((w) =>
        w.containers.some((c) => ((c.env ?? []) as Json[]).some((e) => e.valueFrom?.secretKeyRef?.name === session)),
      );
      if (readers.some((w) => w.name !== web.name))
        problems.push(`${web.name}: its session secret ${session} is read by ${readers.map((w) => w.name).join(', ')}`);
    }
  }
  return problems;
}

const CREDENTIAL_IN_URL = /:\/\/[^/@\s:]+:([^@\s]+)@/;
const SECRET_NAME = /(PASSWORD|SECRET|MASTER_KEY)$/;

/**
 * No secret value anywhere in the base: no Secret object carries data, a secret variable comes only from a Secret,
 * a URL's password only as `$(VARIABLE)` from a Secret, and no ConfigMap holds credentials.
 */
export function secretProblems(objects: KubernetesObject[]): string[] {
  const problems: string[] = [];
  for (const secret of of(objects, 'Secret')) {
    if (Object.keys(secret.data ?? {}).length + Object.keys(secret.stringData ?? {}).length > 0) {
      problems.push(`Secret ${secret.metadata.name} carries values: create it in the cluster instead`);
    }
  }
  for (const w of workloads(objects)) {
    for (const c of w.containers) {
      const fromSecrets = new Set(((c.env ?? []) as Json[]).filter((e) => e.valueFrom?.secretKeyRef).map((e) => e.name));
      for (const e of (c.env ?? []) as Json[]) {
        const where = `${w.name}: ${e.name}`;
        if ((e.name in SECRET_VARIABLES || SECRET_NAME.test(e.name)) && !e.valueFrom?.secretKeyRef)
          problems.push(`${where} is a secret not taken from a Secret`);
        const password = typeof e.value === 'string' ? CREDENTIAL_IN_URL.exec(e.value)?.[1] : undefined;
        const ref = password ? /^\$\((\w+)\)$/.exec(password)?.[1] : undefined;
        if (password && !(ref && fromSecrets.has(ref)))
          problems.push(`${where} has a password in its URL that is not $(a variable from a Secret)`);
      }
    }
  }
  for (const map of of(objects, 'ConfigMap')) {
    for (const [key, value] of Object.entries((map.data ?? {}) as Record<string, string>)) {
      if (SECRET_NAME.test(key) || CREDENTIAL_IN_URL.test(value))
        problems.push(`ConfigMap ${map.metadata.name}: ${key} looks like a secret`);
    }
    for (const value of Object.values((map.data ?? {}) as Record<string, string>)) {
      if (!value.trimStart().startsWith('{')) continue;
      const document = JSON.parse(value) as Json;
      if ((document.users ?? []).some((u: Json) => u.credentials)) problems.push(`ConfigMap ${map.metadata.name}: a user with credentials`);
      for (const client of (document.clients ?? []) as Json[]) {
        if (client.secret !== undefined && !/^\$\{\w+\}$/.test(client.secret))
          problems.push(`ConfigMap ${map.metadata.name}: client ${client.clientId}'s secret`);
      }
    }
  }
  return problems;
}

/** What a rule's peer reaches, in words the test compares: `pod:<name>`, `dns`, `smtp`, `namespaces`. */
function peerNames(peer: Json, objects: KubernetesObject[], ports: Json[]): string[] {
  if (peer.ipBlock) {
    const except = new Set(peer.ipBlock.except ?? []);
    const smtpOnly = ports.length > 0 && ports.every((p) => [465, 587].includes(p.port));
    return [PRIVATE_RANGES.every((r) => except.has(r)) && smtpOnly ? 'smtp' : `ip:${peer.ipBlock.cidr}`];
  }
  const namespace = peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'];
  if (namespace === 'kube-system' && peer.podSelector?.matchLabels?.['k8s-app'] === 'kube-dns') return ['dns'];
  if (peer.namespaceSelector) return [`namespace:${namespace ?? '*'}`];
  const selected = workloads(objects).filter((w) => matches(peer.podSelector?.matchLabels, w.podLabels));
  if (Object.keys(peer.podSelector?.matchLabels ?? {}).length === 0) return ['pod:*'];
  return selected.length > 0 ? selected.map((w) => `pod:${w.name}`) : ['pod:(none)'];
}

function reach(objects: KubernetesObject[], podLabels: Record<string, string>, direction: 'egress' | 'ingress'): Set<string> {
  const type = direction === 'egress' ? 'Egress' : 'Ingress';
  const peers = new Set<string>();
  for (const policy of of(objects, 'NetworkPolicy')) {
    if (!matches(policy.spec?.podSelector?.matchLabels, podLabels) || !(policy.spec.policyTypes ?? []).includes(type)) continue;
    for (const rule of (policy.spec[direction] ?? []) as Json[]) {
      const ports: Json[] = rule.ports ?? [];
      const list: Json[] = rule[direction === 'egress' ? 'to' : 'from'] ?? [{ everywhere: true }];
      for (const peer of list) {
        for (const name of peer.everywhere ? ['anywhere'] : peerNames(peer, objects, ports)) {
          peers.add(ports.length === 0 || name === 'dns' || name === 'smtp' ? name : `${name}:${ports.map((p) => p.port).join(',')}`);
        }
      }
    }
  }
  return peers;
}

/**
 * What a service and a web service may reach, exactly, and who may reach each of them and each database (the key vault
 * and the erasure ledger by the services alone): the
 * policies as the cluster applies them. A service is reached by the ingress controller and the web services that call
 * it; a web service reaches its own database, the services it calls, DNS, and the issuer (through the ingress
 * controller, by its public name) when it signs staff in.
 */
export function networkProblems(objects: KubernetesObject[], services: string[], webs: WebManifest[] = []): string[] {
  const problems: string[] = [];
  const deny = of(objects, 'NetworkPolicy').find(
    (p) => Object.keys(p.spec?.podSelector ?? {}).length === 0 && p.spec.policyTypes?.length === 2 && !p.spec.ingress && !p.spec.egress,
  );
  if (!deny) problems.push('no default-deny policy for every pod (ingress and egress)');
  const sorted = (set: Iterable<string>) => [...set].sort().join(' ');
  const compare = (what: string, actual: Set<string>, expected: string[]) => {
    if (sorted(actual) !== sorted(expected)) problems.push(`${what} ${sorted(actual)}; expected ${sorted(expected)}`);
  };
  for (const service of services) {
    const labels = { [NAME_LABEL]: service };
    const expected = [
      `pod:postgres-${service}:5432`,
      'pod:postgres-privacy:5432',
      'pod:postgres-erasures:5432',
      'pod:kurrentdb:2113',
      'pod:kafka:9092',
      'pod:keycloak:8080',
      'pod:otel-collector:4318',
      'dns',
      'smtp',
    ];
    compare(`${service} may reach`, reach(objects, labels, 'egress'), expected);
    const port = servicePort(objects, service);
    const callers = webs.filter((w) => w.calls.includes(service)).map((w) => `pod:${w.name}:${port}`);
    compare(`${service} is reached by`, reach(objects, labels, 'ingress'), [`namespace:${INGRESS_NAMESPACE}:${port}`, ...callers]);
    const database = reach(objects, { [NAME_LABEL]: `postgres-${service}` }, 'ingress');
    if (sorted(database) !== `pod:${service}:5432`)
      problems.push(`postgres-${service} is reached by ${sorted(database)}, not only ${service}`);
  }
  for (const web of webs) {
    const labels = { [NAME_LABEL]: web.name };
    const expected = [
      `pod:postgres-${web.name}:5432`,
      ...web.calls.map((called) => `pod:${called}:${servicePort(objects, called)}`),
      ...(web.environment.includes('OIDC_ISSUER') ? [`namespace:${INGRESS_NAMESPACE}:443`] : []),
      'dns',
    ];
    compare(`${web.name} may reach`, reach(objects, labels, 'egress'), expected);
    compare(`${web.name} is reached by`, reach(objects, labels, 'ingress'), [`namespace:${INGRESS_NAMESPACE}:${web.port}`]);
    const database = reach(objects, { [NAME_LABEL]: `postgres-${web.name}` }, 'ingress');
    if (sorted(database) !== `pod:${web.name}:5432`)
      problems.push(`postgres-${web.name} is reached by ${sorted(database)}, not only ${web.name}`);
  }
  const vault = reach(objects, { [NAME_LABEL]: 'postgres-privacy' }, 'ingress');
  const clients = services.map((s) => `pod:${s}:5432`);
  if (sorted(vault) !== sorted(clients)) problems.push(`postgres-privacy is reached by ${sorted(vault)}, not the services alone`);
  // The erasure ledger (ADR 0055): every service shreds, so every service writes it; nothing else reaches it.
  const ledger = reach(objects, { [NAME_LABEL]: 'postgres-erasures' }, 'ingress');
  if (sorted(ledger) !== sorted(clients)) problems.push(`postgres-erasures is reached by ${sorted(ledger)}, not the services alone`);
  return problems;
}

/**
 * Non-root pods with a numeric user, no privilege escalation or capabilities, a read-only root where `readOnly`
 * names the workload, and requests (CPU, memory) and a memory limit on every container.
 */
export function securityProblems(objects: KubernetesObject[], readOnly: string[]): string[] {
  const problems: string[] = [];
  for (const w of workloads(objects)) {
    const pod = w.pod.securityContext ?? {};
    if (pod.runAsNonRoot !== true || !(Number.isInteger(pod.runAsUser) && pod.runAsUser > 0)) problems.push(`${w.name}: may run as root`);
    if (w.pod.automountServiceAccountToken !== false) problems.push(`${w.name}: mounts a service account token it does not use`);
    for (const c of w.containers) {
      const s = c.securityContext ?? {};
      if (s.allowPrivilegeEscalation !== false) problems.push(`${w.name}: privilege escalation allowed`);
      if (!(s.capabilities?.drop ?? []).includes('ALL')) problems.push(`${w.name}: keeps Linux capabilities`);
      if (readOnly.includes(w.name) && s.readOnlyRootFilesystem !== true) problems.push(`${w.name}: root filesystem writable`);
      const r = c.resources ?? {};
      if (!r.requests?.cpu || !r.requests?.memory || !r.limits?.memory) problems.push(`${w.name}: requests or memory limit missing`);
    }
  }
  return problems;
}
