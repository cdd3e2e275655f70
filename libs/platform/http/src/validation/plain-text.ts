import { ValidateBy } from 'class-validator';
import { isPlainText } from '@vertrouwd/domain';

// The rule itself is the domain library's: the reporter's site checks its form with the same function.
export { isPlainText };

/**
 * Free text in a request body (names, addresses, introductions, narratives): refused with the rule `isPlainText`
 * when it holds control characters (NUL included), a direction override or a lone surrogate: text no one can read, or
 * that shows other than it reads.
 * `lines: 'many'` allows tab and line breaks. Length and type are the field's other rules.
 */
export function PlainText(options: { lines?: 'one' | 'many' } = {}): PropertyDecorator {
  const lines = options.lines ?? 'one';
  return ValidateBy({
    name: 'isPlainText',
    validator: {
      validate: (value) => typeof value !== 'string' || isPlainText(value, lines),
      defaultMessage: (args) =>
        `${args?.property ?? 'text'} must be plain text${lines === 'one' ? ' on one line' : ''}, without control characters or direction overrides`,
    },
  });
}
