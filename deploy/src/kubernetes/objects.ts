/** The part of a Kubernetes object every rule reads; the rest is checked against the API schemas in the test. */
export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

export type Labels = Record<string, string>;

export const PART_OF = 'vertrouwd';
export const NAME_LABEL = 'app.kubernetes.io/name';

/** Labels of one workload's objects; `selectorOf` is the subset that selects its pods. */
export function labelsOf(name: string, component: string): Labels {
  return { [NAME_LABEL]: name, 'app.kubernetes.io/component': component, 'app.kubernetes.io/part-of': PART_OF };
}

export function selectorOf(name: string): Labels {
  return { [NAME_LABEL]: name };
}

export function object(apiVersion: string, kind: string, name: string, labels: Labels, body: Record<string, unknown>): KubernetesObject {
  return { apiVersion, kind, metadata: { name, labels }, ...body };
}

/** A ClusterIP service in front of a workload's pods. */
export function clusterService(name: string, component: string, ports: { name: string; port: number }[]): KubernetesObject {
  return object('v1', 'Service', name, labelsOf(name, component), {
    spec: {
      selector: selectorOf(name),
      ports: ports.map((p) => ({ name: p.name, port: p.port, targetPort: p.name, protocol: 'TCP' })),
    },
  });
}

/** Pod-level hardening shared by every workload: a numeric non-root user (kubelet cannot check a user name). */
export function podSecurity(user: number): Record<string, unknown> {
  return { runAsNonRoot: true, runAsUser: user, runAsGroup: user, fsGroup: user, seccompProfile: { type: 'RuntimeDefault' } };
}

export function containerSecurity(readOnlyRootFilesystem: boolean): Record<string, unknown> {
  return { allowPrivilegeEscalation: false, readOnlyRootFilesystem, capabilities: { drop: ['ALL'] } };
}

export function secretEnv(name: string, secret: string, key: string): Record<string, unknown> {
  return { name, valueFrom: { secretKeyRef: { name: secret, key } } };
}

export function configEnv(name: string, configMap: string, key: string = name): Record<string, unknown> {
  return { name, valueFrom: { configMapKeyRef: { name: configMap, key } } };
}
