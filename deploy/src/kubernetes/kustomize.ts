import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments, parse } from 'yaml';
import type { KubernetesObject } from './objects';

/**
 * The part of kustomize this repository's kustomizations use, so the test renders an overlay without a kustomize
 * binary: `resources` (files and directories), `namespace`, `images` (newName, newTag) and `patches` from files that
 * merge maps into an object of the same kind and name. Anything else is refused, not ignored; where kubectl is
 * installed, the test compares this with `kubectl kustomize`.
 */
const SUPPORTED = new Set(['apiVersion', 'kind', 'resources', 'namespace', 'images', 'patches']);

interface Kustomization {
  resources?: string[];
  namespace?: string;
  images?: { name: string; newName?: string; newTag?: string }[];
  patches?: { path: string }[];
}

export function kustomize(directory: string): KubernetesObject[] {
  const k = parse(readFileSync(join(directory, 'kustomization.yaml'), 'utf8')) as Kustomization;
  const unsupported = Object.keys(k).filter((key) => !SUPPORTED.has(key));
  if (unsupported.length > 0) throw new Error(`${directory}: kustomize features not implemented here: ${unsupported.join(', ')}`);
  let objects = (k.resources ?? []).flatMap((resource) => {
    const path = join(directory, resource);
    return statSync(path).isDirectory() ? kustomize(path) : readObjects(path);
  });
  for (const patch of k.patches ?? []) {
    for (const p of readObjects(join(directory, patch.path))) {
      const target = objects.find((o) => o.kind === p.kind && o.metadata.name === p.metadata.name);
      if (!target) throw new Error(`${patch.path}: no ${p.kind} ${p.metadata.name} to patch`);
      objects = objects.map((o) => (o === target ? (merge(o, p) as KubernetesObject) : o));
    }
  }
  for (const image of k.images ?? []) objects = objects.map((o) => withImage(o, image));
  if (k.namespace) objects = objects.map((o) => ({ ...o, metadata: { ...o.metadata, namespace: k.namespace } }));
  return objects;
}

export function readObjects(path: string): KubernetesObject[] {
  return parseAllDocuments(readFileSync(path, 'utf8'))
    .map((d) => d.toJS() as KubernetesObject | null)
    .filter((o): o is KubernetesObject => o !== null);
}

function merge(base: unknown, patch: unknown): unknown {
  if (Array.isArray(patch)) throw new Error('patches with lists are not implemented here (strategic merge keys)');
  if (typeof patch !== 'object' || patch === null || typeof base !== 'object' || base === null) return patch;
  const result: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch)) result[key] = key in result ? merge(result[key], value) : value;
  return result;
}

function withImage(object: KubernetesObject, image: { name: string; newName?: string; newTag?: string }): KubernetesObject {
  const copy = structuredClone(object) as KubernetesObject & { spec?: { template?: { spec?: { containers?: { image: string }[] } } } };
  for (const container of copy.spec?.template?.spec?.containers ?? []) {
    const [name, tag] = splitImage(container.image);
    if (name === image.name) container.image = `${image.newName ?? name}${(image.newTag ?? tag) ? `:${image.newTag ?? tag}` : ''}`;
  }
  return copy;
}

function splitImage(image: string): [string, string | undefined] {
  const colon = image.lastIndexOf(':');
  return colon > image.lastIndexOf('/') ? [image.slice(0, colon), image.slice(colon + 1)] : [image, undefined];
}
