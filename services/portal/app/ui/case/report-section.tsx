import { FormattedMessage } from 'react-intl';
import { useFormat } from '../format';
import type { ReportShown } from './report-of';
import { Section } from './sections';

// The report as the reporter filed it, first on the case page: what it is about, who is involved, anonymity, how the
// reporter asked to be reached, and their account as they wrote it. The account is plain text (React escapes it),
// its line breaks and spaces kept, and its direction taken from its own first strong letter per paragraph
// (`dir="auto"` and `unicode-bidi: plaintext`), so Arabic in a Dutch page or Dutch in an Arabic page reads right.

export function ReportSection({ report }: { report: ReportShown }) {
  const { intl, moment, label } = useFormat();
  const t = (id: string) => intl.formatMessage({ id });
  const facts: [string, string, string][] = [
    ['received', t('casePage.report.received'), moment(report.receivedAt)],
    ['theme', t('casePage.report.theme'), label('theme', report.theme)],
    ['relation', t('casePage.report.relation'), label('casePage.relation', report.relation)],
    ['anonymity', t('casePage.report.anonymity'), label('casePage.anonymity', report.anonymity)],
    ['contact', t('casePage.report.contact'), label('casePage.contact', report.contact)],
  ];
  return (
    <Section id="report" title={t('casePage.report.title')}>
      <dl className="portal-details">
        {facts.map(([key, term, value]) => (
          <div key={key}>
            <dt>{term}</dt>
            <dd data-testid={`report-${key}`}>{value}</dd>
          </div>
        ))}
      </dl>
      <h3 className="utrecht-heading-3" id="report-account">
        <FormattedMessage id="casePage.report.account" />
      </h3>
      {'text' in report.account ? (
        // The frame follows the page's direction; the text inside, its own.
        <div className="portal-account">
          <div className="portal-account__text" dir="auto" data-testid="report-account">
            {report.account.text}
          </div>
        </div>
      ) : (
        <p className="utrecht-paragraph" data-testid="report-account">
          <FormattedMessage id={`casePage.report.account.${report.account.unreadable}`} />
        </p>
      )}
      <p className="utrecht-paragraph">
        <FormattedMessage id="casePage.report.logged" />
      </p>
    </Section>
  );
}
