import { networkPolicy, type Rule } from './network-policies';
import { clusterService, containerSecurity, labelsOf, object, podSecurity, selectorOf, type KubernetesObject } from './objects';

/** The `node` user of the images (deploy/Dockerfile and deploy/web.Dockerfile, `USER node`). */
export const SERVICE_USER = 1000;
export const IMAGE_VERSION = '0.1.0';

/** Where the HTTP kit and the web kit serve health (the test reads the API services' routes from the HTTP kit). */
export const LIVENESS_PATH = '/health/live';
export const READINESS_PATH = '/health/ready';

/** What differs between an API service's workload and a web service's; everything else they share. */
export interface StatelessWorkload {
  name: string;
  port: number;
  /** The `app.kubernetes.io/component` label: `service` or `web`. */
  component: 'service' | 'web';
  replicas: { min: number; max: number };
  env: Record<string, unknown>[];
  resources: Record<string, unknown>;
  /** How long the start may take before liveness applies: probe period and failures. */
  startup: { periodSeconds: number; failureThreshold: number };
  /** Writable scratch space on the otherwise read-only root, if the process needs it. */
  scratch?: { mountPath: string; sizeLimit: string };
  /** Who may call it (besides nobody): the ingress controller, and the web services that call an API service. */
  ingressPeers: Rule['peers'];
  egress: Rule[];
}

/**
 * A stateless workload behind the ingress controller: a Deployment of at least two replicas spread over nodes with
 * rolling updates that never lower capacity, probes on `/health/*`, a read-only root as the image's user; its
 * Service; a HorizontalPodAutoscaler on CPU; a PodDisruptionBudget keeping one; and a NetworkPolicy that admits only
 * `ingressPeers` and lets it reach only `egress`. The process closes its server on SIGTERM: requests in flight end.
 */
export function statelessWorkload(w: StatelessWorkload): KubernetesObject[] {
  const { name, port } = w;
  const labels = labelsOf(name, w.component);
  const probe = (path: string, periodSeconds: number, failureThreshold: number) => ({
    httpGet: { path, port: 'http' },
    periodSeconds,
    timeoutSeconds: 2,
    failureThreshold,
  });
  const deployment = object('apps/v1', 'Deployment', name, labels, {
    spec: {
      replicas: w.replicas.min,
      selector: { matchLabels: selectorOf(name) },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
      template: {
        metadata: { labels },
        spec: {
          automountServiceAccountToken: false,
          securityContext: podSecurity(SERVICE_USER),
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
              env: w.env,
              resources: w.resources,
              securityContext: containerSecurity(true),
              startupProbe: probe(LIVENESS_PATH, w.startup.periodSeconds, w.startup.failureThreshold),
              livenessProbe: probe(LIVENESS_PATH, 10, 3),
              readinessProbe: probe(READINESS_PATH, 5, 2),
              ...(w.scratch ? { volumeMounts: [{ name: 'tmp', mountPath: w.scratch.mountPath }] } : {}),
            },
          ],
          ...(w.scratch ? { volumes: [{ name: 'tmp', emptyDir: { sizeLimit: w.scratch.sizeLimit } }] } : {}),
        },
      },
    },
  });
  const hpa = object('autoscaling/v2', 'HorizontalPodAutoscaler', name, labels, {
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
      minReplicas: w.replicas.min,
      maxReplicas: w.replicas.max,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
      behavior: { scaleDown: { stabilizationWindowSeconds: 300 } },
    },
  });
  const pdb = object('policy/v1', 'PodDisruptionBudget', name, labels, {
    spec: { minAvailable: 1, selector: { matchLabels: selectorOf(name) } },
  });
  const policy = networkPolicy(name, { ingress: [{ peers: w.ingressPeers, ports: [{ port }] }], egress: w.egress });
  return [deployment, clusterService(name, w.component, [{ name: 'http', port }]), hpa, pdb, policy];
}
