import { FormattedMessage } from 'react-intl';
import { data, Link } from 'react-router';
import { auditedCases } from '../api/case.server';
import { requireUser } from '../auth/user.server';
import { pageLanguage } from '../i18n/languages';
import { PageTitle, refOf, useFormat } from '../ui/format';
import type { Route } from './+types/audit';

/** The auditor's list: every case of the agency with its deadlines met or missed; advisors as this audit's pseudonyms. */
export async function loader({ request, params }: Route.LoaderArgs) {
  pageLanguage(params.lang);
  const { accessToken, user, auditId } = await requireUser(request, 'audit');
  if (!user.agencyId) throw data(null, { status: 403 });
  const cases = await auditedCases(accessToken, auditId, user.agencyId);
  return { cases: cases.toSorted((a, b) => b.receivedAt.localeCompare(a.receivedAt)) };
}

export default function Audit({ loaderData, params }: Route.ComponentProps) {
  const { intl, day, deadline, label } = useFormat();
  const title = intl.formatMessage({ id: 'audit.title' });
  return (
    <main id="content" className="portal-page" tabIndex={-1}>
      <PageTitle title={title} />
      <h1 className="utrecht-heading-1">{title}</h1>
      {loaderData.cases.length === 0 ? (
        <p className="utrecht-paragraph">
          <FormattedMessage id="audit.none" />
        </p>
      ) : (
        <div className="portal-table-scroll">
          <table className="utrecht-table">
            <caption className="utrecht-table__caption">
              <FormattedMessage id="audit.caption" />
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                {[
                  'cases.case',
                  'cases.theme',
                  'cases.status',
                  'audit.advisor',
                  'cases.received',
                  'cases.acknowledgement',
                  'cases.feedback',
                ].map((id) => (
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
                    <Link
                      className="utrecht-link"
                      to={`/${params.lang}/audit/${c.caseId}`}
                      aria-label={intl.formatMessage({ id: 'audit.replayOf' }, { ref: refOf(c.caseId) })}
                    >
                      <span dir="ltr">{refOf(c.caseId)}</span>
                    </Link>
                  </th>
                  <td className="utrecht-table__cell">{label('theme', c.theme)}</td>
                  <td className="utrecht-table__cell">{label('status', c.status)}</td>
                  <td className="utrecht-table__cell" dir="ltr">
                    {c.advisorId ?? '–'}
                  </td>
                  <td className="utrecht-table__cell">{day(c.receivedAt)}</td>
                  <td className={`utrecht-table__cell portal-deadline--${c.clocks.acknowledgement.state}`}>
                    {deadline(c.clocks.acknowledgement)}
                  </td>
                  <td className={`utrecht-table__cell portal-deadline--${c.clocks.feedback.state}`}>{deadline(c.clocks.feedback)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
