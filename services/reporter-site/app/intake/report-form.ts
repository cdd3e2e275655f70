// The rule alone, not the library's index (which brings node:crypto into a browser build).
import { isPlainText } from '@vertrouwd/domain/plain-text';
import type { Language } from '../i18n/languages';
import type { IntakePage, Question } from './intake-page';

/** The longest account intake takes (`SubmitReportRequest.account`). */
export const ACCOUNT_MAX = 20_000;

/** The form's fields, in the order the form shows them (and the error summary lists them). */
export const FIELDS = [
  'theme',
  'relation',
  'account',
  'anonymity',
  'identityName',
  'contactChannel',
  'email',
  'phone',
  'advisorGender',
  'counsellorId',
  'consent',
] as const;
export type Field = (typeof FIELDS)[number];
export type FormValues = Partial<Record<Field, string>>;

/** One problem with one field: a message id of the site's catalogue, with what it names. */
export interface FieldError {
  field: Field;
  message:
    | 'errors.choose'
    | 'errors.fill'
    | 'errors.tooLong'
    | 'errors.email'
    | 'errors.phone'
    | 'errors.emailWithoutChannel'
    | 'errors.phoneWithoutChannel'
    | 'errors.consent'
    | 'errors.counsellor'
    | 'errors.characters';
  question: Question;
  values?: Record<string, number>;
}

/** The body of intake's `POST /intake/:code/reports`. */
export interface ReportRequest {
  theme: string;
  relation: string;
  account: string;
  anonymity: string;
  contact: { channel: string; email?: string; phone?: string };
  identity?: { name: string };
  language: Language;
  preferences?: { advisorGender?: string; counsellorId?: string };
  consentVersion: string;
}

export type Checked = { ok: true; request: ReportRequest } | { ok: false; errors: FieldError[] };

/** The form's values as posted: only the known fields, text as typed (kept to show the form again). */
export function formValues(form: FormData): FormValues {
  const values: FormValues = {};
  for (const field of FIELDS) {
    const value = form.get(field);
    if (typeof value === 'string') values[field] = value;
  }
  return values;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** What intake refuses in any text: a NUL character (from a paste, or a hand-made post). */
const hasNul = (text: string) => text.includes('\u0000');
/** What intake refuses in a name besides: other control characters, direction overrides, lone surrogates (its own rule). */
const notPlain = (text: string) => !isPlainText(text);
const PHONE = /^\+?[0-9 ()-]{6,32}$/;

/** Checks the form as intake would, against the page's own choices, so every problem is named next to its field. */
export function checkReport(values: FormValues, page: IntakePage, language: Language): Checked {
  const errors: FieldError[] = [];
  const text = (field: Field) => (values[field] ?? '').trim();
  const choice = (field: Field, question: Question, allowed: string[]) => {
    if (!allowed.includes(text(field))) errors.push({ field, message: 'errors.choose', question });
  };
  choice(
    'theme',
    'theme',
    page.themes.map((t) => t.theme),
  );
  choice(
    'relation',
    'relation',
    page.relations.map((c) => c.value),
  );
  const account = text('account');
  if (account === '') errors.push({ field: 'account', message: 'errors.fill', question: 'account' });
  else if (account.length > ACCOUNT_MAX)
    errors.push({ field: 'account', message: 'errors.tooLong', question: 'account', values: { length: account.length, max: ACCOUNT_MAX } });
  else if (hasNul(account)) errors.push({ field: 'account', message: 'errors.characters', question: 'account' });
  choice(
    'anonymity',
    'anonymity',
    page.anonymity.map((c) => c.value),
  );
  const known = text('anonymity') === 'known-to-advisor';
  if (known && text('identityName') === '') errors.push({ field: 'identityName', message: 'errors.fill', question: 'identityName' });
  else if (known && notPlain(text('identityName')))
    errors.push({ field: 'identityName', message: 'errors.characters', question: 'identityName' });
  choice(
    'contactChannel',
    'contactChannel',
    page.contactOptions.map((c) => c.value),
  );
  const channel = text('contactChannel');
  if (channel === 'email' && !EMAIL.test(text('email'))) errors.push({ field: 'email', message: 'errors.email', question: 'email' });
  if (channel === 'phone' && !PHONE.test(text('phone'))) errors.push({ field: 'phone', message: 'errors.phone', question: 'phone' });
  // An address or number given for another channel would be dropped without a word: said instead.
  if (channel !== 'email' && text('email') !== '')
    errors.push({ field: 'email', message: 'errors.emailWithoutChannel', question: 'email' });
  if (channel !== 'phone' && text('phone') !== '')
    errors.push({ field: 'phone', message: 'errors.phoneWithoutChannel', question: 'phone' });
  const gender = text('advisorGender');
  if (gender !== '' && !page.advisorGenders.some((c) => c.value === gender))
    errors.push({ field: 'advisorGender', message: 'errors.choose', question: 'advisorGender' });
  const counsellorId = text('counsellorId');
  if (counsellorId !== '' && !page.counsellors.some((c) => c.counsellorId === counsellorId))
    errors.push({ field: 'counsellorId', message: 'errors.counsellor', question: 'advisorChoice' });
  if (values.consent !== page.consent.version) errors.push({ field: 'consent', message: 'errors.consent', question: 'consent' });
  if (errors.length > 0) return { ok: false, errors };

  const preferences = { ...(gender ? { advisorGender: gender } : {}), ...(counsellorId ? { counsellorId } : {}) };
  return {
    ok: true,
    request: {
      theme: text('theme'),
      relation: text('relation'),
      account,
      anonymity: text('anonymity'),
      contact: {
        channel,
        ...(channel === 'email' ? { email: text('email') } : {}),
        ...(channel === 'phone' ? { phone: text('phone') } : {}),
      },
      ...(known ? { identity: { name: text('identityName') } } : {}),
      language,
      ...(Object.keys(preferences).length > 0 ? { preferences } : {}),
      consentVersion: page.consent.version,
    },
  };
}
