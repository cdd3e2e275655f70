import { FormattedMessage } from 'react-intl';
import { data, Link } from 'react-router';
import { counsellors, organisations } from '../api/matching.server';
import { requireUser } from '../auth/user.server';
import { pageLanguage } from '../i18n/languages';
import { nameOf } from '../ui/coordinator-form';
import { PageTitle, useFormat } from '../ui/format';
import type { Route } from './+types/organisations';

/** The agency's client organisations (matching `GET /agencies/:agencyId/organisations`), and the way to onboard one. */
export async function loader({ request, params }: Route.LoaderArgs) {
  pageLanguage(params.lang);
  const { accessToken, user } = await requireUser(request, 'organisations');
  if (!user.agencyId) throw data(null, { status: 403 });
  const [list, people] = await Promise.all([organisations(accessToken, user.agencyId), counsellors(accessToken, user.agencyId)]);
  return {
    organisations: list.toSorted((a, b) => (a.name ?? a.intakeCode).localeCompare(b.name ?? b.intakeCode)),
    names: Object.fromEntries(people.map((c) => [c.counsellorId, c.name ?? c.username])),
  };
}

export default function Organisations({ loaderData, params }: Route.ComponentProps) {
  const { intl } = useFormat();
  const title = intl.formatMessage({ id: 'coordinator.organisations.title' });
  return (
    <main id="content" className="portal-page" tabIndex={-1}>
      <PageTitle title={title} />
      <h1 className="utrecht-heading-1">{title}</h1>
      <p className="utrecht-paragraph">
        <Link className="utrecht-button-link utrecht-button-link--primary-action" to={`/${params.lang}/organisations/new`}>
          <FormattedMessage id="coordinator.organisations.onboard" />
        </Link>
      </p>
      {loaderData.organisations.length === 0 ? (
        <p className="utrecht-paragraph">
          <FormattedMessage id="coordinator.organisations.none" />
        </p>
      ) : (
        <div className="portal-table-scroll">
          <table className="utrecht-table" data-testid="organisations">
            <caption className="utrecht-table__caption">
              <FormattedMessage id="coordinator.organisations.caption" />
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                {['name', 'intakeCode', 'headcount', 'primary', 'substitute'].map((id) => (
                  <th key={id} scope="col" className="utrecht-table__header-cell">
                    <FormattedMessage id={`coordinator.organisations.${id}`} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {loaderData.organisations.map((o) => (
                <tr key={o.organisationId} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell">
                    <Link className="utrecht-link" to={`/${params.lang}/organisations/${o.organisationId}`}>
                      {o.name ?? intl.formatMessage({ id: 'coordinator.erasedName' })}
                    </Link>
                  </th>
                  <td className="utrecht-table__cell" dir="ltr">
                    {o.intakeCode}
                  </td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric">{intl.formatNumber(o.headcount)}</td>
                  <td className="utrecht-table__cell">{nameOf(loaderData.names, o.primaryCounsellorId)}</td>
                  <td className="utrecht-table__cell">{nameOf(loaderData.names, o.substituteCounsellorId)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
