import { FormattedMessage } from 'react-intl';
import { replay } from '../api/case.server';
import { requireUser } from '../auth/user.server';
import { pageLanguage } from '../i18n/languages';
import { PageTitle, refOf, useFormat } from '../ui/format';
import type { Route } from './+types/replay';

/**
 * The auditor's replay of one case: its events and its access log in time order, actors as pseudonyms, sealed
 * fields never opened (the case service sends none), both hash chains verified, the legal clocks recomputed.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  pageLanguage(params.lang);
  const { accessToken, auditId } = await requireUser(request, 'audit');
  const found = await replay(accessToken, auditId, params.caseId);
  return {
    caseId: found.caseId,
    chain: found.chain,
    clocks: found.clocks ?? null,
    timeline: found.timeline.map(({ stream, type, recordedAt, actor }) => ({ stream, type, recordedAt, actor })),
  };
}

export default function ReplayPage({ loaderData }: Route.ComponentProps) {
  const { intl, moment, deadline } = useFormat();
  const r = loaderData;
  const title = intl.formatMessage({ id: 'audit.replayTitle' }, { ref: refOf(r.caseId) });
  const chains = [
    ['case', r.chain.case],
    ['access', r.chain.access],
  ] as const;
  return (
    <main id="content" className="portal-page" tabIndex={-1}>
      <PageTitle title={title} />
      <h1 className="utrecht-heading-1">{title}</h1>
      <section className="portal-section" aria-labelledby="chains">
        <h2 className="utrecht-heading-2" id="chains">
          <FormattedMessage id="audit.chains" />
        </h2>
        <dl className="portal-details">
          {chains.map(([name, chain]) => (
            <div key={name}>
              <dt>
                <FormattedMessage id={`audit.chain.${name}`} />
              </dt>
              <dd data-testid={`chain-${name}`}>
                {chain.valid ? (
                  <FormattedMessage id="audit.chainValid" values={{ count: chain.eventsChecked }} />
                ) : (
                  <strong>
                    <FormattedMessage id="audit.chainBroken" values={{ version: chain.brokenAt ?? '?' }} />
                  </strong>
                )}
              </dd>
            </div>
          ))}
        </dl>
      </section>
      {r.clocks ? (
        <section className="portal-section" aria-labelledby="clocks">
          <h2 className="utrecht-heading-2" id="clocks">
            <FormattedMessage id="audit.clocks" />
          </h2>
          <dl className="portal-details">
            <div>
              <dt>
                <FormattedMessage id="cases.acknowledgement" />
              </dt>
              <dd data-testid="clock-acknowledgement">{deadline(r.clocks.acknowledgement)}</dd>
            </div>
            <div>
              <dt>
                <FormattedMessage id="cases.feedback" />
              </dt>
              <dd data-testid="clock-feedback">{deadline(r.clocks.feedback)}</dd>
            </div>
          </dl>
        </section>
      ) : null}
      <section className="portal-section" aria-labelledby="timeline">
        <h2 className="utrecht-heading-2" id="timeline">
          <FormattedMessage id="audit.timeline" />
        </h2>
        <div className="portal-table-scroll">
          <table className="utrecht-table">
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                {['audit.when', 'audit.what', 'audit.who', 'audit.stream'].map((id) => (
                  <th key={id} scope="col" className="utrecht-table__header-cell">
                    <FormattedMessage id={id} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {r.timeline.map((e, i) => (
                <tr key={i} className="utrecht-table__row">
                  <td className="utrecht-table__cell">
                    <time dateTime={e.recordedAt}>{moment(e.recordedAt)}</time>
                  </td>
                  <td className="utrecht-table__cell">
                    {intl.messages[`event.${e.type}`] !== undefined
                      ? intl.formatMessage({ id: `event.${e.type}` })
                      : intl.formatMessage({ id: 'event.other' }, { type: e.type })}
                  </td>
                  <td className="utrecht-table__cell" dir="ltr">
                    {e.actor ?? intl.formatMessage({ id: 'audit.nobody' })}
                  </td>
                  <td className="utrecht-table__cell">
                    <FormattedMessage id={`audit.stream.${e.stream}`} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </main>
  );
}
