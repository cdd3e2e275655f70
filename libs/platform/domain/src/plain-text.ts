// C0 and C1 controls, and the explicit direction embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069):
// text that reorders how the rest of a line shows (an IBAN or an amount on an invoice) is not plain text. The marks
// right-to-left text does use (U+200E, U+200F, U+061C) stay allowed.
const DIRECTION_CONTROLS = '\u202A-\u202E\u2066-\u2069';
const LONE_SURROGATE = '[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]';
const CONTROL_OR_LONE_SURROGATE = new RegExp(`[\u0000-\u001F\u007F-\u009F${DIRECTION_CONTROLS}]|${LONE_SURROGATE}`);
// The same, with tab and line breaks allowed.
const CONTROL_BUT_BREAKS_OR_LONE_SURROGATE = new RegExp(
  `[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F${DIRECTION_CONTROLS}]|${LONE_SURROGATE}`,
);

/** Whether a string is text a person wrote: no NUL or other control characters, no direction overrides, no lone surrogates. */
export function isPlainText(value: string, lines: 'one' | 'many' = 'one'): boolean {
  return !(lines === 'one' ? CONTROL_OR_LONE_SURROGATE : CONTROL_BUT_BREAKS_OR_LONE_SURROGATE).test(value);
}
