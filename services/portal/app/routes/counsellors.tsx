import { FormattedMessage } from 'react-intl';
import { data, Link } from 'react-router';
import { counsellors } from '../api/matching.server';
import { requireUser } from '../auth/user.server';
import { pageLanguage } from '../i18n/languages';
import { PageTitle, useFormat } from '../ui/format';
import type { Route } from './+types/counsellors';

/** The agency's counsellors (matching `GET /agencies/:agencyId/counsellors`): kind, languages, load, absences. */
export async function loader({ request, params }: Route.LoaderArgs) {
  pageLanguage(params.lang);
  const { accessToken, user } = await requireUser(request, 'counsellors');
  if (!user.agencyId) throw data(null, { status: 403 });
  const list = await counsellors(accessToken, user.agencyId);
  return { counsellors: list.toSorted((a, b) => (a.name ?? a.username).localeCompare(b.name ?? b.username)) };
}

export default function Counsellors({ loaderData, params }: Route.ComponentProps) {
  const { intl, label } = useFormat();
  const title = intl.formatMessage({ id: 'coordinator.counsellors.title' });
  return (
    <main id="content" className="portal-page" tabIndex={-1}>
      <PageTitle title={title} />
      <h1 className="utrecht-heading-1">{title}</h1>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={`/${params.lang}/counsellors/new`}>
          <FormattedMessage id="administration.counsellors.onboard" />
        </Link>
      </p>
      {loaderData.counsellors.length === 0 ? (
        <p className="utrecht-paragraph">
          <FormattedMessage id="coordinator.counsellors.none" />
        </p>
      ) : (
        <div className="portal-table-scroll">
          <table className="utrecht-table" data-testid="counsellors">
            <caption className="utrecht-table__caption">
              <FormattedMessage id="coordinator.counsellors.caption" />
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                {['name', 'kind', 'languages', 'load', 'absences'].map((id) => (
                  <th key={id} scope="col" className="utrecht-table__header-cell">
                    <FormattedMessage id={`coordinator.counsellors.${id}`} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {loaderData.counsellors.map((c) => (
                <tr key={c.counsellorId} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell">
                    <Link className="utrecht-link" to={`/${params.lang}/counsellors/${c.counsellorId}`}>
                      {c.name ?? c.username}
                    </Link>
                    {c.status === 'inactive' ? ` (${intl.formatMessage({ id: 'coordinator.counsellors.inactive' })})` : ''}
                  </th>
                  <td className="utrecht-table__cell">{label('coordinator.counsellorKind', c.kind)}</td>
                  <td className="utrecht-table__cell">{c.languages.map((l) => label('coordinator.language', l)).join(', ')}</td>
                  <td className="utrecht-table__cell">
                    {intl.formatMessage({ id: 'coordinator.counsellors.loadText' }, { open: c.openCases, capacity: c.capacityCases })}
                  </td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric">{c.absences.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
