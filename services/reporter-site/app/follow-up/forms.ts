// The follow-up pages' forms, checked on the server (there is no script to check them before): each problem names
// its field and a message of the site's catalogue.

/** One problem with one field of a follow-up form. */
export interface Problem {
  field: string;
  message: string;
  values?: Record<string, number>;
}

/** The longest message or correction intake takes (`MessageRequest.body`, `CorrectionRequest.correction`). */
export const TEXT_MAX = 10_000;

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};

/** Receipt code and passphrase, as typed (intake ignores case, spaces and dashes). */
export function checkLogin(form: FormData): { receiptCode: string; passphrase: string; problems: Problem[] } {
  const receiptCode = text(form, 'receiptCode').trim();
  const passphrase = text(form, 'passphrase').trim();
  const problems: Problem[] = [];
  if (receiptCode === '') problems.push({ field: 'receiptCode', message: 'login.errors.receiptCode' });
  if (passphrase === '') problems.push({ field: 'passphrase', message: 'login.errors.passphrase' });
  return { receiptCode, passphrase, problems };
}

/** Whether the pair can be a receipt code and passphrase at all (intake's lengths): if not, it is simply no match. */
export function plausiblePair(receiptCode: string, passphrase: string): boolean {
  return receiptCode.length >= 16 && receiptCode.length <= 40 && passphrase.length >= 20 && passphrase.length <= 60;
}

/** A message or a correction: required, at most TEXT_MAX characters. */
export function checkText(form: FormData, field: string, empty: string): { value: string; problems: Problem[] } {
  const value = text(form, field);
  if (value.trim() === '') return { value, problems: [{ field, message: empty }] };
  if (value.length > TEXT_MAX)
    return { value, problems: [{ field, message: 'case.errors.tooLong', values: { length: value.length, max: TEXT_MAX } }] };
  // Intake refuses a NUL character in any text: said here, next to the field, rather than as a failure.
  if (value.includes('\u0000')) return { value, problems: [{ field, message: 'case.errors.characters' }] };
  return { value, problems: [] };
}

/** A wait intake asked for (Retry-After, in seconds), in words: seconds under a minute, else whole minutes. */
export function waitOf(seconds: number): { unit: 'seconds' | 'minutes'; count: number } {
  const whole = Math.max(1, Math.ceil(seconds));
  return whole < 60 ? { unit: 'seconds', count: whole } : { unit: 'minutes', count: Math.ceil(whole / 60) };
}

export const field = text;
