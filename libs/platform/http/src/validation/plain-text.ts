import { ValidateBy } from 'class-validator';

/* eslint-disable no-control-regex -- finding control characters is the point */
const CONTROL_OR_LONE_SURROGATE = /[\u0000-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// The same, with tab and line breaks allowed.
const CONTROL_BUT_BREAKS_OR_LONE_SURROGATE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/* eslint-enable no-control-regex */
/** Whether a string is text a person wrote: no NUL or other control characters, no lone surrogates. */
export function isPlainText(value: string, lines: 'one' | 'many' = 'one'): boolean {
  return !(lines === 'one' ? CONTROL_OR_LONE_SURROGATE : CONTROL_BUT_BREAKS_OR_LONE_SURROGATE).test(value);
}

/**
 * Free text in a request body (names, addresses, introductions, narratives): refused with the rule `isPlainText`
 * when it holds control characters (NUL included) or a lone surrogate, which no one can read nor JSON store.
 * `lines: 'many'` allows tab and line breaks. Length and type are the field's other rules.
 */
export function PlainText(options: { lines?: 'one' | 'many' } = {}): PropertyDecorator {
  const lines = options.lines ?? 'one';
  return ValidateBy({
    name: 'isPlainText',
    validator: {
      validate: (value) => typeof value !== 'string' || isPlainText(value, lines),
      defaultMessage: (args) =>
        `${args?.property ?? 'text'} must be plain text${lines === 'one' ? ' on one line' : ''}, without control characters`,
    },
  });
}
