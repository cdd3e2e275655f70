import { FormattedMessage } from 'react-intl';
import { data, Link } from 'react-router';
import { accessLog, deadlineCompliance } from '../api/audit.server';
import { DEADLINE_STATES } from '../api/oversight-values';
import { requireUser } from '../auth/user.server';
import { pageLanguage } from '../i18n/languages';
import { PageTitle, refOf, useFormat } from '../ui/format';
import type { Route } from './+types/access-log';

const DEADLINES = ['acknowledgement', 'feedback'] as const;

/**
 * The auditor's view across the agency's cases: deadlines met, missed, pending or stopped per regime, and the access
 * log (every read of sealed content: who as this audit's pseudonym, when, which case, which fields, the reason given).
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  pageLanguage(params.lang);
  const { accessToken, user, auditId } = await requireUser(request, 'access-log');
  if (!user.agencyId) throw data(null, { status: 403 });
  const raw = new URL(request.url).searchParams.get('offset') ?? '0';
  if (!/^\d{1,6}$/.test(raw)) throw data(null, { status: 404 });
  const [compliance, log] = await Promise.all([
    deadlineCompliance(accessToken, auditId, user.agencyId),
    accessLog(accessToken, auditId, user.agencyId, Number(raw)),
  ]);
  return { compliance, log };
}

export default function AccessLogPage({ loaderData, params }: Route.ComponentProps) {
  const { intl, moment, label } = useFormat();
  const { compliance, log } = loaderData;
  const title = intl.formatMessage({ id: 'oversight.accessLog.title' });
  const regimes = Object.keys(compliance.counts);
  const page = (offset: number) => `/${params.lang}/access-log?offset=${offset}`;
  return (
    <main id="content" className="portal-page" tabIndex={-1}>
      <PageTitle title={title} />
      <h1 className="utrecht-heading-1">{title}</h1>
      <section className="portal-section" aria-labelledby="compliance">
        <h2 className="utrecht-heading-2" id="compliance">
          <FormattedMessage id="oversight.accessLog.compliance" />
        </h2>
        <div className="portal-table-scroll">
          <table className="utrecht-table" data-testid="deadline-compliance">
            <caption className="utrecht-table__caption">
              <FormattedMessage id="oversight.accessLog.complianceCaption" />
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">
                  <FormattedMessage id="oversight.regime" />
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  <FormattedMessage id="oversight.deadline" />
                </th>
                {DEADLINE_STATES.map((s) => (
                  <th key={s} scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric">
                    <FormattedMessage id={`oversight.deadlineState.${s}`} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {regimes.flatMap((regime) =>
                DEADLINES.map((d) => (
                  <tr key={`${regime}-${d}`} className="utrecht-table__row">
                    <th scope="row" className="utrecht-table__header-cell">
                      {label('oversight.regime', regime)}
                    </th>
                    <td className="utrecht-table__cell">
                      <FormattedMessage id={`cases.${d}`} />
                    </td>
                    {DEADLINE_STATES.map((s) => (
                      <td key={s} className="utrecht-table__cell utrecht-table__cell--numeric">
                        {compliance.counts[regime]?.[d]?.[s] ?? 0}
                      </td>
                    ))}
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      </section>
      <section className="portal-section" aria-labelledby="reads">
        <h2 className="utrecht-heading-2" id="reads">
          <FormattedMessage id="oversight.accessLog.reads" />
        </h2>
        {log.reads.length === 0 ? (
          <p className="utrecht-paragraph">
            <FormattedMessage id="oversight.accessLog.none" />
          </p>
        ) : (
          <div className="portal-table-scroll">
            <table className="utrecht-table" data-testid="access-log">
              <caption className="utrecht-table__caption">
                <FormattedMessage
                  id="oversight.accessLog.caption"
                  values={{ from: log.offset + 1, to: log.offset + log.reads.length, total: log.total }}
                />
              </caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  {['audit.when', 'audit.who', 'cases.case', 'oversight.accessLog.fields', 'oversight.accessLog.reason'].map((id) => (
                    <th key={id} scope="col" className="utrecht-table__header-cell">
                      <FormattedMessage id={id} />
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {log.reads.map((read, i) => (
                  <tr key={i} className="utrecht-table__row">
                    <td className="utrecht-table__cell">
                      <time dateTime={read.at}>{moment(read.at)}</time>
                    </td>
                    <td className="utrecht-table__cell">
                      <span dir="ltr">{read.actor}</span>
                    </td>
                    <td className="utrecht-table__cell">
                      <Link
                        className="utrecht-link"
                        to={`/${params.lang}/audit/${read.caseId}`}
                        aria-label={intl.formatMessage({ id: 'audit.replayOf' }, { ref: refOf(read.caseId) })}
                      >
                        <span dir="ltr">{refOf(read.caseId)}</span>
                      </Link>
                    </td>
                    <td className="utrecht-table__cell">
                      <span dir="ltr">{read.fields.join(', ')}</span>
                    </td>
                    <td className="utrecht-table__cell" data-testid="read-reason">
                      {read.reason === null
                        ? intl.formatMessage({ id: 'oversight.accessLog.noReason' })
                        : label('oversight.readReason', read.reason)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {log.total > log.offset + log.reads.length || log.offset > 0 ? (
          <nav aria-label={intl.formatMessage({ id: 'oversight.pages' })}>
            <ul className="portal-inline-list">
              {log.offset > 0 ? (
                <li>
                  <Link className="utrecht-link" to={page(Math.max(0, log.offset - log.limit))}>
                    <FormattedMessage id="oversight.previous" />
                  </Link>
                </li>
              ) : null}
              {log.total > log.offset + log.reads.length ? (
                <li>
                  <Link className="utrecht-link" to={page(log.offset + log.limit)}>
                    <FormattedMessage id="oversight.next" />
                  </Link>
                </li>
              ) : null}
            </ul>
          </nav>
        ) : null}
      </section>
    </main>
  );
}
