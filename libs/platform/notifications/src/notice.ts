/**
 * What a notification may say: which of a few fixed texts, to whom, in which language. There is deliberately no
 * field for content: no case id, receipt, name, theme or date can reach a mail, because a notice cannot carry one.
 */
export const NOTICE_KINDS = [
  /** To the reporter: there is news in your case; log in with your receipt code. */
  'case-news',
  /** To an advisor: a case was assigned to you. */
  'case-assigned',
  /** To an advisor: the reporter wrote in one of your cases. */
  'reporter-message',
  /** To an advisor: the reporter answered a summary you shared. */
  'summary-answered',
  /** To an advisor: a deadline in one of your cases falls within two days. */
  'deadline-near',
  /** To a coordinator: a case has waited for assignment longer than the agency allows. */
  'case-waiting',
  /** To a coordinator: matching found nobody for a new case; assign it by hand. */
  'case-unmatched',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** The languages every notice is written in; Arabic is right to left. */
export const NOTICE_LANGUAGES = ['nl', 'en', 'pl', 'tr', 'ar'] as const;
export type NoticeLanguage = (typeof NOTICE_LANGUAGES)[number];

/** The language staff are written to while the directory has none for them, and the fallback for any other. */
export const DEFAULT_NOTICE_LANGUAGE: NoticeLanguage = 'nl';

/** A language as asked (a form language, a directory entry), as one notices are written in: Dutch when not one. */
export function noticeLanguage(language: string | undefined): NoticeLanguage {
  return (NOTICE_LANGUAGES as readonly string[]).includes(language ?? '') ? (language as NoticeLanguage) : DEFAULT_NOTICE_LANGUAGE;
}

/** Where a notice goes: an e-mail address (personal data: unsealed only to send, never logged) and a language. */
export interface Recipient {
  address: string;
  language: NoticeLanguage;
}

/** One notification: a kind, a recipient and their language; never case content. */
export interface Notice extends Recipient {
  kind: NoticeKind;
}

/** News older than this is no news: a notice is not queued for it (a first start on old events, a projection rebuilt). */
export const NEWS_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** Whether something that happened `at` is still worth a notice `now`. */
export function isFreshNews(at: Date | string, now: Date = new Date()): boolean {
  return now.getTime() - new Date(at).getTime() <= NEWS_MAX_AGE_MS;
}
