import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Language } from '../i18n/languages';
import { LanguageSwitch } from '../ui/language-switch';
import { PageTitle } from '../ui/page-title';
import { NoticeBox, ProblemSummary } from '../ui/problems';
import type { Problem } from './forms';
import type { Notice } from './session.server';

/** The pages of the reporter's case, in the navigation's order; '' is the status page. */
export const CASE_PAGES = ['', 'messages', 'summaries', 'consents', 'identity', 'withdrawal', 'erasure'] as const;
export type CasePage = (typeof CASE_PAGES)[number];

const NAV_LABEL: Record<CasePage, string> = {
  '': 'case.nav.status',
  messages: 'case.nav.messages',
  summaries: 'case.nav.summaries',
  consents: 'case.nav.consents',
  identity: 'case.nav.identity',
  withdrawal: 'case.nav.withdrawal',
  erasure: 'case.nav.erasure',
};

const pathOf = (code: string, language: Language, page: CasePage) => `/${code}/${language}/case${page ? `/${page}` : ''}`;

const WARNINGS: readonly Notice[] = ['summary-newer', 'summary-answered', 'consent-changed', 'reveal-gone', 'report-withdrawn'];

interface Props {
  code: string;
  language: Language;
  organisation: string;
  page: CasePage;
  notice?: Notice;
  problems?: Problem[];
  children: ReactNode;
}

/**
 * One page of the reporter's case: skip link, languages, the case's navigation and the way out, then the page with
 * what the last action did (shown once) and any problems with a posted form first.
 */
export function CaseLayout({ code, language, organisation, page, notice, problems = [], children }: Props) {
  const intl = useIntl();
  const title = intl.formatMessage({ id: NAV_LABEL[page] });
  return (
    <>
      <PageTitle title={title} organisation={organisation} failed={problems.length > 0} />
      <a className="site-skip-link utrecht-link" href="#main">
        <FormattedMessage id="case.skipLink" />
      </a>
      <LanguageSwitch current={language} hrefOf={(l) => pathOf(code, l, page)} />
      <header className="site-case-header">
        <p className="utrecht-paragraph site-case-header__organisation">{organisation}</p>
        <nav aria-label={intl.formatMessage({ id: 'case.nav.label' })}>
          <ul className="site-case-nav">
            {CASE_PAGES.map((p) => (
              <li key={p}>
                <a className="utrecht-link" href={pathOf(code, language, p)} aria-current={p === page ? 'page' : undefined}>
                  <FormattedMessage id={NAV_LABEL[p]} />
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <form method="post" action={`/${code}/${language}/case/logout`} className="site-logout">
          <button type="submit" className="utrecht-button utrecht-button--secondary-action">
            <FormattedMessage id="case.logout" />
          </button>
        </form>
      </header>
      <main id="main" tabIndex={-1} className="site-page">
        <ProblemSummary problems={problems} />
        {notice ? (
          <NoticeBox kind={notice === 'failed' ? 'error' : WARNINGS.includes(notice) ? 'warning' : 'ok'}>
            <FormattedMessage id={`case.notice.${notice}`} />
          </NoticeBox>
        ) : null}
        <h1 className="utrecht-heading-1">{title}</h1>
        {children}
      </main>
    </>
  );
}

/** A date (and time) on the Dutch calendar, as the reporter reads it in their language; kept in its own direction. */
export function When({ at, time = false }: { at: string; time?: boolean }) {
  const intl = useIntl();
  const text = intl.formatDate(at, { dateStyle: 'long', ...(time ? { timeStyle: 'short' } : {}), timeZone: 'Europe/Amsterdam' });
  return (
    <bdi>
      <time dateTime={at}>{text}</time>
    </bdi>
  );
}

/** A text intake unsealed for the reporter, or what became of it. */
export function ShownText({ text }: { text: string | { erased: true } | { refused: true } }) {
  // Their own direction: a Dutch sentence inside an Arabic page (or the reverse) keeps its punctuation where it belongs.
  if (typeof text === 'string')
    return (
      <div className="site-text" dir="auto">
        {text}
      </div>
    );
  return (
    <p className="utrecht-paragraph site-text--gone">
      <FormattedMessage id={'erased' in text ? 'case.text.erased' : 'case.text.refused'} />
    </p>
  );
}
