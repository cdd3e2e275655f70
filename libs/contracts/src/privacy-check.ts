import type { FieldClass, JsonSchema } from './contract';

/** What the privacy check reads of a contract (any JSON Schema, so the check itself can be tested on bad ones). */
export interface CheckedContract {
  payload: JsonSchema;
  fields: Readonly<Record<string, FieldClass>>;
}

/** The only pattern a sealed field may have: the privacy library's ciphertext format. */
export const SEALED_PATTERN = '^sealed:v1:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+$';

/** Field names that suggest a person or free text: never in a contract, whatever their schema. */
const PERSONAL_NAME =
  /name|e-?mail|phone|address|account|narrative|summary|note|text|message|descr|comment|birth|born|bsn|iban|contact|reason/i;

/**
 * Every way a contract could let personal data through: unclassified or unknown fields, objects open
 * to extra properties, strings not pinned down by an enum, a format or a pattern, and names that suggest
 * a person or free text. An empty list means the contract cannot carry personal data.
 */
export function privacyProblems(contract: CheckedContract): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  walk(
    contract.payload,
    '',
    (path, schema) => {
      seen.add(path);
      const cls = contract.fields[path];
      const name = path.split('.').at(-1)?.replace('[]', '') ?? path;
      // A sealed field may say what it holds (only ciphertext can be in it), and an id may name what it
      // identifies (`messageId` holds a UUID, not a message), and an enum holds only its listed values.
      const named = cls === 'sealed' || cls === 'enum' || (cls === 'id' && /Id$/.test(name));
      if (!named && PERSONAL_NAME.test(name)) problems.push(`${path}: the name suggests personal data or free text`);
      if (!cls) return void problems.push(`${path}: not classified`);
      const problem = checkClass(cls, schema);
      if (problem) problems.push(`${path}: ${problem}`);
    },
    (path, schema) => {
      if (schema.additionalProperties !== false) problems.push(`${path || 'payload'}: must not allow additional properties`);
    },
  );
  for (const path of Object.keys(contract.fields)) if (!seen.has(path)) problems.push(`${path}: classified but not in the schema`);
  return problems;
}

function checkClass(cls: FieldClass, s: JsonSchema): string | undefined {
  switch (cls) {
    case 'id':
      return s.type === 'string' && (s.format === 'uuid' || (codeLike(s.pattern) && (s.maxLength ?? 0) > 0 && (s.maxLength ?? 0) <= 100))
        ? undefined
        : 'an id is a uuid, or a code pattern (no spaces, @ or +) with a maxLength of at most 100';
    case 'enum':
      return s.enum && s.enum.length > 0 ? undefined : 'an enum lists its values';
    case 'timestamp':
      return s.type === 'string' && (s.format === 'date-time' || s.format === 'date')
        ? undefined
        : 'a timestamp has format date-time or date';
    case 'count':
      // Bounded, so a count cannot carry a phone number or a citizen service number.
      return s.type === 'integer' && s.minimum === 0 && s.maximum !== undefined && s.maximum <= 1_000_000
        ? undefined
        : 'a count is an integer from 0 to a maximum of at most 1,000,000';
    case 'amount':
      return s.type === 'integer' && s.maximum !== undefined ? undefined : 'an amount is an integer (cents) with a maximum';
    case 'flag':
      return s.type === 'boolean' ? undefined : 'a flag is a boolean';
    case 'sealed':
      return s.type === 'string' && s.pattern === SEALED_PATTERN && (s.maxLength ?? 0) > 0
        ? undefined
        : `a sealed field has pattern ${SEALED_PATTERN} and a maxLength`;
    case 'language':
      return s.type === 'string' && (s.pattern === '^[a-z]{2}$' || Boolean(s.enum)) ? undefined : 'a language is ^[a-z]{2}$ or an enum';
  }
}

/** Texts a code must never match: words with spaces, e-mail addresses, phone numbers, lines. */
const FREE_TEXT_PROBES = ['Jan Jansen', 'Jansen, Jan', 'jan@example.nl', '+31612345678', 'a\nb', 'x y'];

/** An anchored pattern that matches none of the free-text probes: a code, not prose. */
function codeLike(pattern: string | undefined): boolean {
  if (!pattern || !pattern.startsWith('^') || !pattern.endsWith('$')) return false;
  const regex = new RegExp(pattern);
  return FREE_TEXT_PROBES.every((probe) => !regex.test(probe));
}

function walk(
  schema: JsonSchema,
  path: string,
  leaf: (path: string, schema: JsonSchema) => void,
  object: (path: string, schema: JsonSchema) => void,
): void {
  if (schema.type === 'object') {
    object(path, schema);
    for (const [key, child] of Object.entries(schema.properties ?? {})) walk(child, path ? `${path}.${key}` : key, leaf, object);
  } else if (schema.type === 'array') {
    walk(schema.items ?? {}, `${path}[]`, leaf, object);
  } else {
    leaf(path, schema);
  }
}
