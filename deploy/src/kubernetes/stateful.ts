import { resources, type Footprint } from './footprint';
import { containerSecurity, labelsOf, object, podSecurity, selectorOf, type KubernetesObject } from './objects';

export interface StatefulWorkload {
  name: string;
  component: string;
  image: string;
  /** Numeric user of the image (the kubelet can only check runAsNonRoot against a number). */
  user: number;
  /** False only where the image writes outside its volumes at start (said why at the call). */
  readOnlyRootFilesystem: boolean;
  ports: { name: string; containerPort: number }[];
  env: Record<string, unknown>[];
  footprint: Footprint;
  probes: { readiness: Record<string, unknown>; liveness: Record<string, unknown> };
  /** The persistent volume (mounted at `dataPath`), sized by docs/scaling.md's arithmetic. */
  dataPath?: string;
  storage?: string;
  /** Writable scratch directories (emptyDir), for a read-only root. */
  scratch?: string[];
  extraVolumes?: { volume: Record<string, unknown>; mount: Record<string, unknown> }[];
  args?: string[];
  command?: string[];
  /** A Deployment: no identity or volume of its own (Keycloak keeps its state in PostgreSQL; the collector none). */
  stateless?: boolean;
}

/** One replica with its own volume; these are the parts that do not scale by adding pods (docs/scaling.md). */
export function statefulSet(w: StatefulWorkload): KubernetesObject {
  const labels = labelsOf(w.name, w.component);
  const scratch = (w.scratch ?? []).map((path, i) => ({
    volume: { name: `scratch-${i}`, emptyDir: {} },
    mount: { name: `scratch-${i}`, mountPath: path },
  }));
  const extra = [...scratch, ...(w.extraVolumes ?? [])];
  const identity = w.stateless ? {} : { serviceName: w.name };
  return object('apps/v1', w.stateless ? 'Deployment' : 'StatefulSet', w.name, labels, {
    spec: {
      ...identity,
      replicas: 1,
      selector: { matchLabels: selectorOf(w.name) },
      template: {
        metadata: { labels },
        spec: {
          automountServiceAccountToken: false,
          securityContext: podSecurity(w.user),
          containers: [
            {
              name: w.name,
              image: w.image,
              ...(w.command ? { command: w.command } : {}),
              ...(w.args ? { args: w.args } : {}),
              ports: w.ports.map((p) => ({ ...p, protocol: 'TCP' })),
              env: w.env,
              resources: resources(w.footprint),
              securityContext: containerSecurity(w.readOnlyRootFilesystem),
              readinessProbe: w.probes.readiness,
              livenessProbe: w.probes.liveness,
              volumeMounts: [...(w.dataPath ? [{ name: 'data', mountPath: w.dataPath }] : []), ...extra.map((v) => v.mount)],
            },
          ],
          volumes: extra.map((v) => v.volume),
        },
      },
      ...(w.dataPath ? { volumeClaimTemplates: claim(w.storage ?? '10Gi', labels) } : {}),
    },
  });
}

function claim(storage: string, labels: Record<string, string>): Record<string, unknown>[] {
  return [{ metadata: { name: 'data', labels }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage } } } }];
}
