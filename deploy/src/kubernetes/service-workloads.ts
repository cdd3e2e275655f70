import type { ServiceManifest } from '../service-manifests';
import { serviceEnvironment } from './configuration';
import { resources, serviceFootprint } from './footprint';
import { DNS, FROM_INGRESS, pod, SMTP, type Rule } from './network-policies';
import type { KubernetesObject } from './objects';
import { statelessWorkload } from './stateless-workload';

export { IMAGE_VERSION, LIVENESS_PATH, READINESS_PATH, SERVICE_USER } from './stateless-workload';

/** Replicas: at least two, so a drain or a rollout never takes a service away; intake takes the public load. */
export function replicasOf(name: string): { min: number; max: number } {
  return name === 'intake' ? { min: 2, max: 20 } : { min: 2, max: 8 };
}

/**
 * What a service may reach: its own database, the key vault, the erasure ledger (if it shreds), the event store, the
 * bus, the issuer, the collector.
 */
export function serviceEgress(manifest: ServiceManifest): Rule[] {
  return [
    { peers: [pod(`postgres-${manifest.name}`)], ports: [{ port: 5432 }] },
    { peers: [pod('postgres-privacy')], ports: [{ port: 5432 }] },
    ...(manifest.environment.includes('PRIVACY_ERASURE_LEDGER_URL')
      ? [{ peers: [pod('postgres-erasures')], ports: [{ port: 5432 }] }]
      : []),
    { peers: [pod('kurrentdb')], ports: [{ port: 2113 }] },
    { peers: [pod('kafka')], ports: [{ port: 9092 }] },
    { peers: [pod('keycloak')], ports: [{ port: 8080 }] },
    { peers: [pod('otel-collector')], ports: [{ port: 4318 }] },
    DNS,
    SMTP,
  ];
}

/**
 * The launcher-less production form: one container per service, the image deploy/Dockerfile builds for it. `callers`
 * are the web services that call it (their manifests' `calls`): its policy admits them beside the ingress controller.
 */
export function serviceObjects(manifest: ServiceManifest, callers: string[] = []): KubernetesObject[] {
  return statelessWorkload({
    name: manifest.name,
    port: manifest.port,
    component: 'service',
    replicas: replicasOf(manifest.name),
    env: serviceEnvironment(manifest),
    resources: resources(serviceFootprint(manifest.name)),
    // Start-up compiles TypeScript and runs migrations: up to 150 s before liveness applies.
    startup: { periodSeconds: 5, failureThreshold: 30 },
    // The root is read-only; @swc-node/register keeps its compiled files in os.tmpdir() (/tmp/swc-node-<uid>).
    scratch: { mountPath: '/tmp', sizeLimit: '256Mi' },
    ingressPeers: [FROM_INGRESS, ...callers.map(pod)],
    egress: serviceEgress(manifest),
  });
}
