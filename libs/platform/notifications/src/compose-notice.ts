import type { Notice } from './notice';
import { NOTICE_TEXTS, RIGHT_TO_LEFT } from './notice-texts';

/** A notice as a mail: subject, plain text and HTML, in the recipient's language. */
export interface ComposedNotice {
  subject: string;
  text: string;
  html: string;
  language: string;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Writes a notice out in its language; the HTML part carries `lang` and, for Arabic, `dir="rtl"`. */
export function composeNotice(notice: Pick<Notice, 'kind' | 'language'>): ComposedNotice {
  const catalogue = NOTICE_TEXTS[notice.language];
  const { subject, paragraphs } = catalogue.kinds[notice.kind];
  const all = [catalogue.greeting, ...paragraphs, catalogue.footer];
  const dir = RIGHT_TO_LEFT.includes(notice.language) ? 'rtl' : 'ltr';
  const html =
    `<!doctype html><html lang="${notice.language}" dir="${dir}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>` +
    `<body>${all.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</body></html>`;
  return { subject, text: `${all.join('\n\n')}\n`, html, language: notice.language };
}
