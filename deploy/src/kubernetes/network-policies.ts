import { labelsOf, object, PART_OF, selectorOf, type KubernetesObject } from './objects';

export interface Port {
  port: number;
  protocol?: 'TCP' | 'UDP';
}

export interface Rule {
  peers: Record<string, unknown>[];
  ports: Port[];
}

/** Pods of one workload in this namespace. */
export function pod(name: string): Record<string, unknown> {
  return { podSelector: { matchLabels: selectorOf(name) } };
}

/** The cluster's DNS (CoreDNS keeps the kube-dns label). */
export const DNS: Rule = {
  peers: [
    {
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
      podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
    },
  ],
  ports: [
    { port: 53, protocol: 'UDP' },
    { port: 53, protocol: 'TCP' },
  ],
};

/** Where public traffic enters: the ingress controller's namespace (an overlay renames it for another controller). */
export const INGRESS_NAMESPACE = 'ingress-nginx';
export const FROM_INGRESS = { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': INGRESS_NAMESPACE } } };

/** Private ranges an outside peer must not cover, so an ipBlock never reaches back into the cluster. */
export const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '169.254.0.0/16'];

/** An SMTP relay outside the cluster (submission and SMTPS ports only). */
export const SMTP: Rule = {
  peers: [{ ipBlock: { cidr: '0.0.0.0/0', except: PRIVATE_RANGES } }],
  ports: [{ port: 465 }, { port: 587 }],
};

function toSpec(rule: Rule, direction: 'from' | 'to'): Record<string, unknown> {
  return { [direction]: rule.peers, ports: rule.ports.map((p) => ({ port: p.port, protocol: p.protocol ?? 'TCP' })) };
}

/** The one policy of a workload: what may reach it, and what it may reach; everything else stays denied. */
export function networkPolicy(name: string, allow: { ingress: Rule[]; egress: Rule[] }): KubernetesObject {
  return object('networking.k8s.io/v1', 'NetworkPolicy', name, labelsOf(name, 'network-policy'), {
    spec: {
      podSelector: { matchLabels: selectorOf(name) },
      policyTypes: ['Ingress', 'Egress'],
      ingress: allow.ingress.map((rule) => toSpec(rule, 'from')),
      egress: allow.egress.map((rule) => toSpec(rule, 'to')),
    },
  });
}

/** Every pod of the namespace: no traffic in or out unless a workload's own policy allows it. */
export function defaultDeny(): KubernetesObject {
  return object('networking.k8s.io/v1', 'NetworkPolicy', 'default-deny', labelsOf(PART_OF, 'network-policy'), {
    spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
  });
}
