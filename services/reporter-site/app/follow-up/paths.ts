import type { Language } from '../i18n/languages';

/** The follow-up login of an organisation, with why the reporter is there again. */
export function followUpPath(code: string, language: Language, reason?: 'ended' | 'logged-out'): string {
  return `/${code}/${language}/follow-up${reason ? `?reason=${reason}` : ''}`;
}

/** A page of the reporter's case; '' is the status page. */
export function casePath(code: string, language: Language, page = ''): string {
  return `/${code}/${language}/case${page ? `/${page}` : ''}`;
}
