import type { ServiceManifest } from '../service-manifests';
import { urlVariableOf, type WebManifest } from '../web-services';
import {
  POSTGRES_PASSWORD_KEY,
  postgresSecret,
  postgresUrl,
  SECRET_VARIABLES,
  SERVICE_SETTINGS,
  SERVICES_CONFIG,
  sessionSecret,
} from './configuration';
import { resources, webFootprint } from './footprint';
import { DNS, FROM_INGRESS, pod, type Rule } from './network-policies';
import { configEnv, secretEnv, type KubernetesObject } from './objects';
import { statelessWorkload } from './stateless-workload';

/**
 * The web services (services/<name>/web.manifest.json, ADR 0050) in the cluster: the image deploy/web.Dockerfile
 * builds (`node server/main.ts` as the node user), stateless behind the ingress controller, their sessions in a
 * PostgreSQL of their own (ADR 0051). Everything here comes from the web manifests; nothing names a web service.
 */

/** Public pages: at least two replicas for a drain or a rollout, up to ten under load. */
export const WEB_REPLICAS = { min: 2, max: 10 };

/** The port the ingress controller serves HTTPS on: the issuer's public name leads there from inside the cluster. */
export const INGRESS_HTTPS_PORT = 443;

/** The Service port of every API service a web service calls. */
function callPorts(web: WebManifest, services: ServiceManifest[]): { name: string; port: number }[] {
  return web.calls.map((name) => {
    const service = services.find((s) => s.name === name);
    if (!service) throw new Error(`${web.name} calls ${name}, which has no service manifest`);
    return { name, port: service.port };
  });
}

/**
 * Every variable the web manifest names: a literal (its port, the in-cluster address of a service it calls), a Secret
 * (its session secret, a client secret), the ConfigMap (the issuer, its public origin), or composed (its database's
 * URL from the password its PostgreSQL reads too). A variable with no source in the cluster stops the render.
 */
export function webEnvironment(web: WebManifest, services: ServiceManifest[]): Record<string, unknown>[] {
  const env: Record<string, unknown>[] = [];
  const calls = new Map(callPorts(web, services).map((call) => [urlVariableOf(call.name), `http://${call.name}:${call.port}`]));
  // One process per pod: the HorizontalPodAutoscaler adds pods, not processes (ADR 0064).
  const literal: Record<string, string> = { HOST: '0.0.0.0', PORT: String(web.port), WEB_PROCESSES: '1', ...Object.fromEntries(calls) };
  for (const name of web.environment) {
    if (name === 'DATABASE_URL') continue;
    if (name in literal) env.push({ name, value: literal[name] });
    else if (name === 'SESSION_SECRET') env.push(secretEnv(name, sessionSecret(web.name), name));
    else if (name in SECRET_VARIABLES) env.push(secretEnv(name, SECRET_VARIABLES[name].secret, SECRET_VARIABLES[name].key));
    else if (name in SERVICE_SETTINGS) env.push(configEnv(name, SERVICES_CONFIG));
    else throw new Error(`${web.name}: no value for ${name} in the cluster (add it to deploy/src/kubernetes/configuration.ts)`);
  }
  if (web.environment.includes('DATABASE_URL')) {
    env.push(secretEnv('DATABASE_PASSWORD', postgresSecret(web.name), POSTGRES_PASSWORD_KEY));
    env.push({ name: 'DATABASE_URL', value: postgresUrl(web.name, web.database, 'DATABASE_PASSWORD') });
  }
  return env;
}

/**
 * What a web service may reach: its own PostgreSQL, the services it calls on their ports, DNS, and, when it signs
 * staff in (`OIDC_ISSUER`), the issuer. It discovers the issuer and redeems codes at the public name tokens carry
 * (`iss` must equal it), which inside the cluster leads to the ingress controller: its namespace on 443.
 */
export function webEgress(web: WebManifest, services: ServiceManifest[]): Rule[] {
  const issuer: Rule[] = web.environment.includes('OIDC_ISSUER') ? [{ peers: [FROM_INGRESS], ports: [{ port: INGRESS_HTTPS_PORT }] }] : [];
  return [
    { peers: [pod(`postgres-${web.name}`)], ports: [{ port: 5432 }] },
    ...callPorts(web, services).map((call) => ({ peers: [pod(call.name)], ports: [{ port: call.port }] })),
    ...issuer,
    DNS,
  ];
}

/** The web services that call `service`: its NetworkPolicy admits them beside the ingress controller. */
export function callersOf(service: string, webs: WebManifest[]): string[] {
  return webs.filter((web) => web.calls.includes(service)).map((web) => web.name);
}

export function webObjects(web: WebManifest, services: ServiceManifest[]): KubernetesObject[] {
  return statelessWorkload({
    name: web.name,
    port: web.port,
    component: 'web',
    replicas: WEB_REPLICAS,
    env: webEnvironment(web, services),
    resources: resources(webFootprint(web.name)),
    // Nothing is compiled at start (the build is in the image): 30 s is ample. The image writes nothing.
    startup: { periodSeconds: 2, failureThreshold: 15 },
    ingressPeers: [FROM_INGRESS],
    egress: webEgress(web, services),
  });
}
