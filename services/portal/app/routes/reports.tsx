import { FormattedMessage } from 'react-intl';
import { data, Link } from 'react-router';
import { publications } from '../api/reporting.server';
import { requireUser } from '../auth/user.server';
import { pageLanguage } from '../i18n/languages';
import { PageTitle, useFormat } from '../ui/format';
import type { Route } from './+types/reports';

/** The employer contact's published reports: their own organisation's only (the token's organisation claim). */
export async function loader({ request, params }: Route.LoaderArgs) {
  pageLanguage(params.lang);
  const { accessToken, user } = await requireUser(request, 'reports');
  if (!user.organisationId) throw data(null, { status: 403 });
  const list = await publications(accessToken, user.organisationId);
  return { publications: list.toSorted((a, b) => b.year - a.year || b.publication - a.publication) };
}

export default function Reports({ loaderData, params }: Route.ComponentProps) {
  const { intl, day } = useFormat();
  const title = intl.formatMessage({ id: 'reports.title' });
  return (
    <main id="content" className="portal-page" tabIndex={-1}>
      <PageTitle title={title} />
      <h1 className="utrecht-heading-1">{title}</h1>
      {loaderData.publications.length === 0 ? (
        <p className="utrecht-paragraph">
          <FormattedMessage id="reports.none" />
        </p>
      ) : (
        <div className="portal-table-scroll">
          <table className="utrecht-table">
            <caption className="utrecht-table__caption">
              <FormattedMessage id="reports.caption" />
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                {['reports.year', 'reports.publication', 'reports.publishedOn'].map((id) => (
                  <th key={id} scope="col" className="utrecht-table__header-cell">
                    <FormattedMessage id={id} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {loaderData.publications.map((p) => (
                <tr key={`${p.year}-${p.publication}`} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell">
                    <Link className="utrecht-link" to={`/${params.lang}/reports/${p.year}`}>
                      <FormattedMessage id="reports.open" values={{ year: p.year }} />
                    </Link>
                  </th>
                  <td className="utrecht-table__cell">{p.publication}</td>
                  <td className="utrecht-table__cell">{day(p.publishedOn)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
