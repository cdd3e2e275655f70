import type { Static, TArray, TObject } from 'typebox';
/**
 * What a contract field may hold. Every field of every contract is classified; none of these can carry a
 * name, contact details or free text, which is the point: a field that would is not a contract field.
 */
export type FieldClass =
  | 'id' // an opaque identifier (UUID or a code of a fixed pattern)
  | 'enum' // one of a closed list of values
  | 'timestamp' // an ISO 8601 date or instant
  | 'count' // a non-negative integer
  | 'amount' // money in cents
  | 'flag' // a boolean
  | 'language' // an ISO 639-1 code
  | 'sealed'; // ciphertext from libs/platform/privacy (`sealed:v1:…`): unreadable without the key vault, erased by shredding

/** A JSON Schema (the subset the contracts use). */
export interface JsonSchema {
  type?: 'object' | 'string' | 'integer' | 'number' | 'boolean' | 'array';
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: JsonSchema;
  enum?: readonly (string | number)[];
  format?: 'uuid' | 'date-time' | 'date';
  pattern?: string;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}

/** A payload schema: a TypeBox object type, which is a JSON Schema object and gives the static type too. */
export type PayloadSchema = TObject;

/**
 * The class of every top-level payload field (a missing one is a type error), and of nested paths if any. An array
 * field is classified by its elements, as `field[]`.
 */
export type FieldClasses<P extends TObject> = {
  readonly [K in keyof P['properties'] & string as P['properties'][K] extends TArray ? `${K}[]` : K]: FieldClass;
} & Record<string, FieldClass>;

export interface ContractDefinition<P extends PayloadSchema = PayloadSchema> {
  /** `<service>.<event>`. */
  type: string;
  version: number;
  /** Why the event exists and who consumes it. */
  description: string;
  payload: P;
  /** The class of every payload field, by dotted path (`items[]` for array elements). */
  fields: FieldClasses<P>;
}

/** The payload type of a contract, as its schema validates it: `PayloadOf<typeof CaseOpenedV1>`. */
export type PayloadOf<C extends ContractDefinition> = Static<C['payload']>;

/** Declares a contract; the registry validates payloads against it and the privacy test checks it. */
export function defineContract<P extends PayloadSchema>(definition: ContractDefinition<P>): ContractDefinition<P> {
  return definition;
}
