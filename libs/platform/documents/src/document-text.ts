// Text from an invoice document goes into XML, a PDF and a CSV. Control characters (other than tab and line breaks)
// and lone surrogates are not allowed in XML 1.0 and print as nothing useful: each becomes a space or U+FFFD, the
// same way in every export, so the three always say the same. The direction embeddings, overrides and isolates go too
// (text written before the API refused them): a line of an invoice shows as it reads.
// eslint-disable-next-line no-control-regex -- matching control characters is the point: XML 1.0 cannot hold them
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function printable(text: string): string {
  return text.replace(CONTROL, ' ').replace(LONE_SURROGATE, '\uFFFD');
}

/** One line of text: line breaks and tabs become single spaces (names, addresses, descriptions). */
export function oneLine(text: string): string {
  return printable(text)
    .replace(/[\t\r\n]+/g, ' ')
    .trim();
}
