import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router';
import { myCases, myDeadlines } from '../api/case.server';
import { requireUser } from '../auth/user.server';
import { pageLanguage } from '../i18n/languages';
import { PageTitle, refOf, useFormat } from '../ui/format';
import type { Route } from './+types/cases';

/** The advisor's cases from the case service's read models, each with its two legal deadlines. */
export async function loader({ request, params }: Route.LoaderArgs) {
  pageLanguage(params.lang);
  const { accessToken } = await requireUser(request, 'cases');
  const [cases, deadlines] = await Promise.all([myCases(accessToken), myDeadlines(accessToken)]);
  const byCase = new Map(deadlines.map((d) => [d.caseId, d]));
  return {
    cases: cases
      .toSorted((a, b) => b.receivedAt.localeCompare(a.receivedAt))
      .map((c) => ({
        caseId: c.caseId,
        theme: c.theme,
        status: c.status,
        receivedAt: c.receivedAt,
        acknowledgement: byCase.get(c.caseId)?.acknowledgement,
        feedback: byCase.get(c.caseId)?.feedback,
      })),
  };
}

export default function Cases({ loaderData, params }: Route.ComponentProps) {
  const { intl, day, deadline, label } = useFormat();
  const title = intl.formatMessage({ id: 'cases.title' });
  return (
    <main id="content" className="portal-page" tabIndex={-1}>
      <PageTitle title={title} />
      <h1 className="utrecht-heading-1">{title}</h1>
      {loaderData.cases.length === 0 ? (
        <p className="utrecht-paragraph">
          <FormattedMessage id="cases.none" />
        </p>
      ) : (
        <div className="portal-table-scroll">
          <table className="utrecht-table">
            <caption className="utrecht-table__caption">
              <FormattedMessage id="cases.caption" />
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                {['cases.case', 'cases.theme', 'cases.status', 'cases.received', 'cases.acknowledgement', 'cases.feedback'].map((id) => (
                  <th key={id} scope="col" className="utrecht-table__header-cell">
                    <FormattedMessage id={id} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {loaderData.cases.map((c) => (
                <tr key={c.caseId} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell">
                    <Link className="utrecht-link" to={`/${params.lang}/cases/${c.caseId}`} dir="ltr">
                      {refOf(c.caseId)}
                    </Link>
                  </th>
                  <td className="utrecht-table__cell">{label('theme', c.theme)}</td>
                  <td className="utrecht-table__cell">{label('status', c.status)}</td>
                  <td className="utrecht-table__cell">{day(c.receivedAt)}</td>
                  <td className={`utrecht-table__cell portal-deadline--${c.acknowledgement?.state ?? 'none'}`}>
                    {deadline(c.acknowledgement)}
                  </td>
                  <td className={`utrecht-table__cell portal-deadline--${c.feedback?.state ?? 'none'}`}>{deadline(c.feedback)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
