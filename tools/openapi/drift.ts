// What changed between a committed OpenAPI document and the one the code describes now, in words a reviewer can act
// on: which operation (and which of its parts), which schema (and which of its properties).

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

/** One line per difference; none when the two documents are the same API. */
export function describeDrift(committed: unknown, current: unknown): string[] {
  const before = asObject(committed);
  const after = asObject(current);
  const lines: string[] = [];
  const beforePaths = asObject(before.paths);
  const afterPaths = asObject(after.paths);
  for (const path of union(beforePaths, afterPaths)) {
    const was = asObject(beforePaths[path]);
    const is = asObject(afterPaths[path]);
    for (const key of union(was, is)) {
      const operation = METHODS.includes(key) ? `${key.toUpperCase()} ${path}` : `${path} (${key})`;
      lines.push(...change(operation, was[key], is[key], (a, b) => parts(a, b, ['parameters', 'requestBody', 'responses'])));
    }
  }
  const beforeSchemas = asObject(asObject(before.components).schemas);
  const afterSchemas = asObject(asObject(after.components).schemas);
  for (const name of union(beforeSchemas, afterSchemas)) {
    const users = union(operationsUsing(name, beforePaths), operationsUsing(name, afterPaths));
    const what = users.length ? `schema ${name} (in ${users.join(', ')})` : `schema ${name}`;
    lines.push(...change(what, beforeSchemas[name], afterSchemas[name], schemaParts));
  }
  for (const key of union(before, after).filter((k) => k !== 'paths' && k !== 'components')) {
    lines.push(...change(key, before[key], after[key], () => []));
  }
  const beforeComponents = asObject(before.components);
  const afterComponents = asObject(after.components);
  for (const key of union(beforeComponents, afterComponents).filter((k) => k !== 'schemas')) {
    lines.push(...change(`components.${key}`, beforeComponents[key], afterComponents[key], () => []));
  }
  return lines;
}

/** `what` added, removed, or changed (with the details `detail` finds, else just "changed"). */
function change(what: string, was: Json | undefined, is: Json | undefined, detail: (a: JsonObject, b: JsonObject) => string[]): string[] {
  if (was === undefined && is === undefined) return [];
  if (was === undefined) return [`${what}: added`];
  if (is === undefined) return [`${what}: removed`];
  if (same(was, is)) return [];
  const details = detail(asObject(was), asObject(is));
  return [`${what}: changed${details.length ? ` (${details.join('; ')})` : ''}`];
}

/** Which of an operation's parts differ: its parameters by name, its body, each response by status. */
function parts(was: JsonObject, is: JsonObject, keys: string[]): string[] {
  const found: string[] = [];
  for (const key of keys) {
    if (same(was[key], is[key])) continue;
    if (key === 'responses') {
      const a = asObject(was.responses);
      const b = asObject(is.responses);
      for (const status of union(a, b)) {
        if (!same(a[status], b[status]))
          found.push(`response ${status} ${a[status] === undefined ? 'added' : b[status] === undefined ? 'removed' : 'changed'}`);
      }
    } else if (key === 'parameters') {
      const named = (list: Json | undefined) =>
        Object.fromEntries((Array.isArray(list) ? list : []).map((p) => [`${asObject(p).in as string} ${asObject(p).name as string}`, p]));
      const a = named(was.parameters);
      const b = named(is.parameters);
      const changed = union(a, b).filter((name) => !same(a[name], b[name]));
      found.push(changed.length ? `parameters ${changed.join(', ')}` : 'parameters reordered');
    } else {
      found.push(key);
    }
  }
  const rest = union(was, is).filter((key) => !keys.includes(key) && !same(was[key], is[key]));
  return rest.length ? [...found, rest.join(', ')] : found;
}

/** Which of a schema's properties were added, removed or changed, and whether `required` or the rest did. */
function schemaParts(was: JsonObject, is: JsonObject): string[] {
  const a = asObject(was.properties);
  const b = asObject(is.properties);
  const found = union(a, b)
    .filter((name) => !same(a[name], b[name]))
    .map((name) => `property ${name} ${a[name] === undefined ? 'added' : b[name] === undefined ? 'removed' : 'changed'}`);
  const rest = union(was, is).filter((key) => key !== 'properties' && !same(was[key], is[key]));
  return rest.length ? [...found, rest.join(', ')] : found;
}

/** The operations whose parameters, body or answers name the schema directly (as `{ METHOD path: true }`). */
function operationsUsing(schema: string, paths: JsonObject): JsonObject {
  const ref = JSON.stringify(`#/components/schemas/${schema}`);
  const users: JsonObject = {};
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(asObject(item))) {
      if (METHODS.includes(method) && JSON.stringify(operation).includes(ref)) users[`${method.toUpperCase()} ${path}`] = true;
    }
  }
  return users;
}

function asObject(value: unknown): JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : {};
}

function union(a: object, b: object): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
}

function same(a: Json | undefined, b: Json | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
