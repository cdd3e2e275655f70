import type { ServiceManifest } from '../service-manifests';
import { serviceEnvironment } from './configuration';
import { resources, serviceFootprint } from './footprint';
import { DNS, FROM_INGRESS, networkPolicy, pod, SMTP, type Rule } from './network-policies';
import { clusterService, containerSecurity, labelsOf, object, podSecurity, selectorOf, type KubernetesObject } from './objects';

/** The `node` user of the service image (deploy/Dockerfile, `USER node`). */
export const SERVICE_USER = 1000;
export const IMAGE_VERSION = '0.1.0';

/** Where the HTTP kit serves health (libs/platform/http, HealthController; the test reads the routes from it). */
export const LIVENESS_PATH = '/health/live';
export const READINESS_PATH = '/health/ready';

/** Replicas: at least two, so a drain or a rollout never takes a service away; intake takes the public load. */
export function replicasOf(name: string): { min: number; max: number } {
  return name === 'intake' ? { min: 2, max: 20 } : { min: 2, max: 8 };
}

/** What a service may reach: its own database, the key vault, the event store, the bus, the issuer, the collector. */
export function serviceEgress(manifest: ServiceManifest): Rule[] {
  return [
    { peers: [pod(`postgres-${manifest.name}`)], ports: [{ port: 5432 }] },
    { peers: [pod('postgres-privacy')], ports: [{ port: 5432 }] },
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
  const { name, port } = manifest;
  const labels = labelsOf(name, 'service');
  const replicas = replicasOf(name);
  const probe = (path: string, periodSeconds: number, failureThreshold: number) => ({
    httpGet: { path, port: 'http' },
    periodSeconds,
    timeoutSeconds: 2,
    failureThreshold,
  });
  const deployment = object('apps/v1', 'Deployment', name, labels, {
    spec: {
      replicas: replicas.min,
      selector: { matchLabels: selectorOf(name) },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
      template: {
        metadata: { labels },
        spec: {
          automountServiceAccountToken: false,
          securityContext: podSecurity(SERVICE_USER),
          // runMain closes HTTP, then the store and bus, on SIGTERM; readiness turns 503 while it shuts down.
          terminationGracePeriodSeconds: 30,
          topologySpreadConstraints: [
            {
              maxSkew: 1,
              topologyKey: 'kubernetes.io/hostname',
              whenUnsatisfiable: 'ScheduleAnyway',
              labelSelector: { matchLabels: selectorOf(name) },
            },
          ],
          containers: [
            {
              name,
              image: `vertrouwd/${name}:${IMAGE_VERSION}`,
              ports: [{ name: 'http', containerPort: port, protocol: 'TCP' }],
              env: serviceEnvironment(manifest),
              resources: resources(serviceFootprint(name)),
              securityContext: containerSecurity(true),
              // Start-up compiles TypeScript and runs migrations: up to 150 s before liveness applies.
              startupProbe: probe(LIVENESS_PATH, 5, 30),
              livenessProbe: probe(LIVENESS_PATH, 10, 3),
              readinessProbe: probe(READINESS_PATH, 5, 2),
              volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
            },
          ],
          // The root is read-only; @swc-node/register keeps its compiled files in os.tmpdir() (/tmp/swc-node-<uid>).
          volumes: [{ name: 'tmp', emptyDir: { sizeLimit: '256Mi' } }],
        },
      },
    },
  });
  const hpa = object('autoscaling/v2', 'HorizontalPodAutoscaler', name, labels, {
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
      minReplicas: replicas.min,
      maxReplicas: replicas.max,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
      behavior: { scaleDown: { stabilizationWindowSeconds: 300 } },
    },
  });
  const pdb = object('policy/v1', 'PodDisruptionBudget', name, labels, {
    spec: { minAvailable: 1, selector: { matchLabels: selectorOf(name) } },
  });
  const policy = networkPolicy(name, {
    ingress: [{ peers: [FROM_INGRESS, ...callers.map(pod)], ports: [{ port }] }],
    egress: serviceEgress(manifest),
  });
  return [deployment, clusterService(name, 'service', [{ name: 'http', port }]), hpa, pdb, policy];
}
