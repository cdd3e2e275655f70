import type { ValidationError } from 'class-validator';
import type { FieldError } from '../problem/problem';

/** Names class-validator gives rules that read badly in a public contract. */
const RULE_NAMES: Record<string, string> = {
  whitelistValidation: 'unknownField',
  nestedValidation: 'isObject',
};

/** Property names that are echoed as they were sent; any other unknown key is reported without its name. */
const SAFE_NAME = /^[A-Za-z_$][A-Za-z0-9_$]{0,63}$/;
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
  if (unknownKey && !SAFE_NAME.test(name)) return parentPath ? `${parentPath}.(unnamed)` : '(unnamed)';
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
