// What counts as personal or sealed data for telemetry: one list of field names and one set of text patterns,
// shared by the logger (which rewrites) and the span filter (which refuses). Extend the lists here; the
// logger's pino `redact` paths and the tests are derived from them.

/** The prefix the privacy library gives sealed (encrypted) values; ciphertext is never logged or traced either. */
export const SEALED_PREFIX = 'sealed:';

/**
 * Field names whose value is personal, sealed or secret, compared without case, `_` or `-`.
 * A matching field is replaced whole, whatever its value (string, object or array), at any depth.
 */
export const PERSONAL_FIELD_NAMES: readonly string[] = [
  // who someone is
  'name',
  'firstName',
  'lastName',
  'fullName',
  'displayName',
  'givenName',
  'familyName',
  'surname',
  'initials',
  'userName',
  'reporterName',
  'accusedName',
  'witnessName',
  'advisorName',
  'employeeName',
  'personName',
  'dateOfBirth',
  'birthDate',
  'bsn',
  'gender',
  'nationality',
  // how to reach them
  'email',
  'emailAddress',
  'phone',
  'phoneNumber',
  'telephone',
  'mobile',
  'address',
  'street',
  'postcode',
  'postalCode',
  'ip',
  'ipAddress',
  'remoteAddress',
  'clientAddress',
  'x-forwarded-for',
  'x-real-ip',
  'userAgent',
  // money
  'account',
  'accountNumber',
  'bankAccount',
  'iban',
  // what they said: free text is sealed before it enters an event, but not yet in a request or a command
  'narrative',
  'summary',
  'description',
  'note',
  'notes',
  'comment',
  'comments',
  'text',
  'freeText',
  'content',
  'message',
  'messages',
  'body',
  'subject',
  'answer',
  'answers',
  // the reporter's follow-up credentials, and secrets in general
  'passphrase',
  'receiptCode',
  'password',
  'secret',
  'token',
  'accessToken',
  'refreshToken',
  'idToken',
  'apiKey',
  'authorization',
  'cookie',
  'set-cookie',
  'privateKey',
];

/** Field-name prefixes that are personal whatever follows (`contactName`, `contact_details`, `contacts`). */
export const PERSONAL_FIELD_PREFIXES: readonly string[] = ['contact'];

const normalise = (key: string) => key.toLowerCase().replace(/[_-]/g, '');
const names = new Set(PERSONAL_FIELD_NAMES.map(normalise));
const prefixes = PERSONAL_FIELD_PREFIXES.map(normalise);

/** True when a field with this name must never reach a log line or a span. */
export function isPersonalField(key: string): boolean {
  const k = normalise(key);
  return names.has(k) || prefixes.some((p) => k.startsWith(p));
}

// Ids and trace ids (UUIDs, hex with at least one letter) are kept before the number rules see their digits.
const ID_LIKE = String.raw`\b[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}\b|\b(?=[0-9a-f]*[a-f])[0-9a-f]{16,}\b`;
const SEALED = String.raw`sealed:\S*`;
const EMAIL = String.raw`[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[a-z]{2,}`;
// An IBAN, upper case as written, with or without its spaces (NL91 ABNA 0417 1643 00).
const IBAN = String.raw`(?-i:\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b)`;
// International phone numbers, Dutch ones with an area code (06-12345678, 020 1234567), and runs of nine or
// more digits (BSN, phone, bank account), optionally spaced.
const DIGITS = String.raw`\+\d[\d ().-]{6,}\d|(?<![\w.-])0\d{1,3}[ -]?\d{6,8}(?![\w-])|(?<![\w.-])\d(?: ?\d){8,}(?![\w-])`;
const TEXT = new RegExp(`(${ID_LIKE})|(${SEALED})|(${EMAIL})|(${IBAN})|(${DIGITS})`, 'gi');

/**
 * Rewrites the parts of free text that look personal or sealed: sealed tokens become `[sealed]`, e-mail
 * addresses `[email]`, IBANs `[iban]`, phone-, BSN- and account-like digit runs `[number]`. A safety net for
 * messages and values; the field-name rules above are the real guard.
 */
export function scrubText(text: string): string {
  return text.replace(TEXT, (match, id?: string, sealed?: string, email?: string, iban?: string) =>
    id ? match : sealed ? '[sealed]' : email ? '[email]' : iban ? '[iban]' : '[number]',
  );
}

/** True when text contains anything {@link scrubText} would rewrite. */
export function looksPersonal(text: string): boolean {
  return scrubText(text) !== text;
}
