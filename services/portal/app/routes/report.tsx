import { FormattedMessage } from 'react-intl';
import { data } from 'react-router';
import { publishedReport, yearOf } from '../api/reporting.server';
import { requireUser } from '../auth/user.server';
import { pageLanguage } from '../i18n/languages';
import { PageTitle, useFormat } from '../ui/format';
import { ReportTables } from '../ui/report-tables';
import type { Route } from './+types/report';

/** The year's latest published report, as the reporting service published it: suppressed cells arrive without figure. */
export async function loader({ request, params }: Route.LoaderArgs) {
  pageLanguage(params.lang);
  const { accessToken, user } = await requireUser(request, 'reports');
  if (!user.organisationId) throw data(null, { status: 403 });
  const report = await publishedReport(accessToken, user.organisationId, yearOf(params.year));
  return {
    year: report.year,
    publication: report.publication,
    publishedOn: report.publishedOn,
    k: report.k,
    tables: report.tables,
    digest: report.digest,
  };
}

export default function Report({ loaderData, params }: Route.ComponentProps) {
  const { intl, day } = useFormat();
  const r = loaderData;
  const title = intl.formatMessage({ id: 'report.title' }, { year: r.year });
  const download = (format: 'csv' | 'pdf') => `/${params.lang}/reports/${r.year}/${format}`;
  return (
    <main id="content" className="portal-page" tabIndex={-1}>
      <PageTitle title={title} />
      <h1 className="utrecht-heading-1">{title}</h1>
      <p className="utrecht-paragraph">
        <FormattedMessage id="reports.publication" /> {r.publication}, <FormattedMessage id="reports.publishedOn" /> {day(r.publishedOn)}
      </p>
      <ul className="portal-inline-list">
        <li>
          <a className="utrecht-link" href={download('pdf')} download>
            <FormattedMessage id="report.download.pdf" />
          </a>
        </li>
        <li>
          <a className="utrecht-link" href={download('csv')} download>
            <FormattedMessage id="report.download.csv" />
          </a>
        </li>
      </ul>
      <ReportTables tables={r.tables} k={r.k} />
      <p className="utrecht-paragraph portal-digest">
        <FormattedMessage id="report.digest" />: <code dir="ltr">{r.digest}</code>
      </p>
    </main>
  );
}
