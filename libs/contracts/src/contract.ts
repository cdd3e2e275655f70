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

export interface ContractDefinition {
  /** `<service>.<event>`. */
  type: string;
  version: number;
  /** Why the event exists and who consumes it. */
  description: string;
  payload: JsonSchema & { type: 'object'; properties: Record<string, JsonSchema> };
  /** The class of every payload field, by dotted path (`items[]` for array elements). */
  fields: Record<string, FieldClass>;
}

/** Declares a contract; the registry validates payloads against it and the privacy test checks it. */
export function defineContract<const T extends ContractDefinition>(definition: T): T {
  return definition;
}
