import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { isEmail, isUUID } from 'class-validator';
import type { FieldError } from '../problem/problem';
import { UNNAMED_FIELD } from './field-errors';
import { isPlainText } from './plain-text';

/** The JSON Schema subset a compiled body may use: objects, strings with enums, lengths, patterns and formats. */
export interface BodySchema {
  type: 'object' | 'string';
  properties?: Record<string, BodySchema>;
  required?: string[];
  additionalProperties?: false;
  enum?: readonly string[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  /** `plain-text`: `@PlainText()`'s rule on one line (no control characters, direction overrides or lone surrogates). */
  format?: 'email' | 'uuid' | 'plain-text';
  /** Fields required only when another has a value (`channel: 'email'` requires `email`). */
  allOf?: Array<{ if: { properties: Record<string, { const: string }>; required: string[] }; then: { required: string[] } }>;
}

// One instance for every compiled schema; its formats are class-validator's own functions, so a value passes
// exactly when `@IsEmail()` or `@IsUUID()` would pass it.
// strictRequired off: a `then` requires a field its parent declares.
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, verbose: true });
ajv.addFormat('email', { type: 'string', validate: (value: string) => isEmail(value) });
ajv.addFormat('uuid', { type: 'string', validate: (value: string) => isUUID(value) });
ajv.addFormat('plain-text', { type: 'string', validate: (value: string) => isPlainText(value) });

const compiled = new WeakMap<object, CompiledBody>();

/** A body validator compiled once: `errors(body)` is empty for a valid body, else one entry per field and rule. */
export class CompiledBody {
  private readonly validate: ValidateFunction;

  constructor(private readonly schema: BodySchema) {
    this.validate = ajv.compile(schema);
  }

  errors(body: unknown): FieldError[] {
    if (this.validate(body)) return [];
    const seen = new Set<string>();
    const errors: FieldError[] = [];
    for (const error of this.validate.errors ?? []) {
      const found = this.toFieldError(error);
      const key = found && `${found.field}\u0000${found.rule}`;
      if (!found || seen.has(key!)) continue;
      seen.add(key!);
      errors.push(found);
    }
    return errors;
  }

  /** class-validator's names for the rule and the field, so clients see one contract whichever validator ran. */
  private toFieldError(error: ErrorObject): FieldError | undefined {
    const path = error.instancePath.split('/').slice(1);
    // A failed `if`…`then` also reports the missing field itself.
    if (error.keyword === 'if' || error.keyword === 'allOf') return undefined;
    if (error.keyword === 'additionalProperties') {
      // The caller chose the key's name: never echoed.
      return { field: fieldName([...path, UNNAMED_FIELD]), rule: 'unknownField', message: 'This field is not accepted.' };
    }
    if (error.keyword === 'required') {
      const name = String((error.params as { missingProperty: string }).missingProperty);
      const schema = schemaAt(this.schema, [...path, name]);
      return { field: fieldName([...path, name]), ...ruleOf(name, schema, schema.type === 'object' ? 'isDefined' : undefined) };
    }
    const name = path.at(-1) ?? '(body)';
    return { field: fieldName(path), ...ruleOf(name, schemaAt(this.schema, path), error.keyword === 'type' ? 'type' : error.keyword) };
  }
}

/**
 * Marks a request DTO as validated by a compiled JSON Schema (ajv) instead of its class-validator decorators: the
 * platform's pipe then checks the parsed body against `schema` and hands it on as the plain object it is. The
 * decorators stay as the DTO's declaration (OpenAPI, and a test that both validators refuse the same fields).
 */
export function CompiledSchema(schema: BodySchema): ClassDecorator {
  const body = new CompiledBody(schema);
  return (target) => {
    compiled.set(target, body);
  };
}

/** The compiled validator of a DTO class marked with {@link CompiledSchema}, if any. */
export function compiledBodyOf(metatype: unknown): CompiledBody | undefined {
  return typeof metatype === 'function' ? compiled.get(metatype) : undefined;
}

function schemaAt(root: BodySchema, path: string[]): BodySchema {
  let schema = root;
  for (const segment of path) schema = schema.properties?.[segment] ?? schema;
  return schema;
}

function fieldName(path: string[]): string {
  return path.length === 0 ? '(body)' : path.join('.');
}

/** The rule a failed keyword stands for, in class-validator's words; the message quotes the schema, never the value. */
function ruleOf(name: string, schema: BodySchema, keyword = 'type'): { rule: string; message: string } {
  if (keyword === 'isDefined') return { rule: 'isDefined', message: `${name} should not be null or undefined` };
  if (keyword === 'type' && schema.type === 'object') return { rule: 'isObject', message: `${name} must be an object` };
  if (schema.enum) return { rule: 'isIn', message: `${name} must be one of the following values: ${schema.enum.join(', ')}` };
  if (keyword === 'format' || (keyword === 'type' && schema.format)) {
    if (schema.format === 'plain-text' && keyword === 'format') {
      return { rule: 'isPlainText', message: `${name} must be plain text on one line, without control characters or direction overrides` };
    }
    return schema.format === 'email'
      ? { rule: 'isEmail', message: `${name} must be an email` }
      : schema.format === 'uuid'
        ? { rule: 'isUUID', message: `${name} must be a UUID` }
        : { rule: 'isString', message: `${name} must be a string` };
  }
  if (keyword === 'minLength' || keyword === 'maxLength') {
    return {
      rule: 'isLength',
      message: `${name} must be ${schema.minLength ?? 0} to ${schema.maxLength ?? 'any number of'} characters long`,
    };
  }
  if (keyword === 'pattern') return { rule: 'matches', message: `${name} must match ${schema.pattern} regular expression` };
  return { rule: 'isString', message: `${name} must be a string` };
}
