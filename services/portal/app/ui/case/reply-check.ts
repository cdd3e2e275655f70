import type { Refusal } from '../../api/problem.server';

// The free text of the case page's own forms (the reply to the reporter, the feedback at closing): checked on the
// portal's server as the case service checks it, and a service's refusal said at the field it named, in the rule's
// words, never as a state of the case.

export type TextError = 'empty' | 'control' | 'long' | 'invalid';

export const MAX_TEXT = 10_000;

/* eslint-disable no-control-regex -- finding control characters is the point */
// What a person cannot have typed: control characters other than tab and line breaks, and lone surrogates.
const NOT_TYPED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/* eslint-enable no-control-regex */

/** What is wrong with a text the form posted (already trimmed), if anything. */
export function textError(text: string, required: boolean): TextError | undefined {
  if (!text) return required ? 'empty' : undefined;
  if (new RegExp(NOT_TYPED.source).test(text)) return 'control';
  if (text.length > MAX_TEXT) return 'long';
  return undefined;
}

/** The text to put back in the field: what was typed, each character that cannot be shown marked as such (�). */
export function shownBack(text: string): string {
  return text.replace(NOT_TYPED, '\uFFFD');
}

/** The service's rule in the page's words. */
function errorOfRule(rule: string): TextError {
  if (rule === 'noNulCharacter' || rule === 'isPlainText') return 'control';
  if (rule === 'isLength' || rule === 'maxLength') return 'long';
  if (rule === 'isNotEmpty' || rule === 'minLength') return 'empty';
  return 'invalid';
}

/**
 * The first field of the form a refusal names, with what is wrong with it. A refusal of the body as a whole (a NUL
 * character anywhere: `(body)`) is about the form's one free text.
 */
export function fieldRefused<F extends string>(
  refusal: Refusal,
  fields: readonly F[],
  text: F,
): { field: F; error: TextError } | undefined {
  for (const problem of refusal.fields) {
    const name = problem.field === '(body)' ? text : problem.field.split(/[.[]/)[0];
    if ((fields as readonly string[]).includes(name)) return { field: name as F, error: errorOfRule(problem.rule) };
  }
  return undefined;
}
