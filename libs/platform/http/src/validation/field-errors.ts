import type { ValidationError } from 'class-validator';
import type { FieldError } from '../problem/problem';

/** Names class-validator gives rules that read badly in a public contract. */
const RULE_NAMES: Record<string, string> = {
  whitelistValidation: 'unknownField',
  nestedValidation: 'isObject',
};

/** What stands for the name of a field the DTO does not declare: the caller chose it, so it is never echoed. */
export const UNNAMED_FIELD = '(unnamed)';
const INDEX = /^\d+$/;

/**
 * Flattens class-validator's error tree into one entry per failed rule with a dotted path
 * (`contact.email`, `items[0].name`). Messages never carry the submitted value: a message that would quote it
 * (a custom `$value` template) is replaced by a neutral one.
 */
export function toFieldErrors(errors: ValidationError[], parentPath = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = join(parentPath, error);
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      rule: RULE_NAMES[rule] ?? rule,
      message: messageFor(rule, message, error.value),
    }));
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

function join(parentPath: string, error: ValidationError): string {
  const name = String(error.property ?? '');
  const unknownKey = error.constraints?.whitelistValidation !== undefined;
  // A declared field's name is ours; an unknown key's is the caller's text (a name, an e-mail address): never named.
  if (unknownKey) return parentPath ? `${parentPath}.${UNNAMED_FIELD}` : UNNAMED_FIELD;
  if (INDEX.test(name) && parentPath) return `${parentPath}[${name}]`;
  return parentPath ? `${parentPath}.${name}` : name;
}

function messageFor(rule: string, message: string, value: unknown): string {
  if (rule === 'whitelistValidation') return 'This field is not accepted.';
  return quotes(message, value) ? `The value breaks the rule ${rule}.` : message;
}

function quotes(message: string, value: unknown): boolean {
  if (typeof value === 'string') return value.length >= 3 && message.includes(value);
  if (typeof value === 'number' || typeof value === 'bigint') return String(value).length >= 3 && message.includes(String(value));
  return false;
}
