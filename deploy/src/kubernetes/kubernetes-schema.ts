import { Deployment, StatefulSet } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Secret, Service } from 'kubernetes-models/v1';
import type { KubernetesObject } from './objects';

interface Validatable {
  validate(): void;
}

// The kinds the base uses, each with its model from kubernetes-models (validated against the OpenAPI schemas of
// the Kubernetes API). A kind not listed here is an error, not a pass.
const MODELS: Record<string, new (data: never) => Validatable> = {
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'apps/v1/StatefulSet': StatefulSet,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
};

/** What is wrong with an object against the Kubernetes API schema of its kind, or `undefined`. */
export function schemaProblem(object: KubernetesObject): string | undefined {
  const model = MODELS[`${object.apiVersion}/${object.kind}`];
  const name = `${object.kind} ${object.metadata?.name}`;
  if (!model) return `${name}: no schema for ${object.apiVersion}/${object.kind}`;
  try {
    new model(structuredClone(object) as never).validate();
    return undefined;
  } catch (error) {
    return `${name}: ${(error as Error).message}`;
  }
}
