import { FormattedMessage } from 'react-intl';
import { data, Link } from 'react-router';
import { attention, type CaseOverview } from '../api/case.server';
import { counsellors, decisions } from '../api/matching.server';
import { nameOf } from '../ui/coordinator-form';
import { requireUser } from '../auth/user.server';
import { pageLanguage } from '../i18n/languages';
import { PageTitle, refOf, useFormat } from '../ui/format';
import type { Route } from './+types/queue';

/** The coordinator's queue: the agency's live cases that need someone, metadata only. */
export async function loader({ request, params }: Route.LoaderArgs) {
  pageLanguage(params.lang);
  const { accessToken, user } = await requireUser(request, 'queue');
  if (!user.agencyId) throw data(null, { status: 403 });
  const agencyId = user.agencyId;
  const queue = await attention(accessToken, agencyId);
  // Matching's latest decisions, each linked to its explanation. The queue stands without them: when matching
  // cannot be read the page says so and still lists the cases that wait.
  const recent = await Promise.all([decisions(accessToken, agencyId), counsellors(accessToken, agencyId)])
    .then(([rounds, people]) => ({
      rounds: rounds
        .slice(0, 20)
        .map(({ caseId, round, outcome, counsellorId, decidedAt }) => ({ caseId, round, outcome, counsellorId, decidedAt })),
      names: Object.fromEntries(people.map((c) => [c.counsellorId, c.name ?? c.username])),
    }))
    .catch(() => undefined);
  const rows = (list: CaseOverview[]) => list.map(({ caseId, theme, receivedAt }) => ({ caseId, theme, receivedAt }));
  return {
    sections: [
      { id: 'waitingForAssignment', cases: rows(queue.waitingForAssignment) },
      { id: 'handoverPending', cases: rows(queue.handoverPending) },
      { id: 'advisorCannotAct', cases: rows(queue.advisorCannotAct) },
    ],
    recent,
  };
}

export default function Queue({ loaderData, params }: Route.ComponentProps) {
  const { intl, day, moment, label } = useFormat();
  const title = intl.formatMessage({ id: 'queue.title' });
  return (
    <main id="content" className="portal-page" tabIndex={-1}>
      <PageTitle title={title} />
      <h1 className="utrecht-heading-1">{title}</h1>
      {loaderData.sections.map((section) => (
        <section key={section.id} className="portal-section" aria-labelledby={section.id}>
          <h2 className="utrecht-heading-2" id={section.id}>
            <FormattedMessage id={`queue.${section.id}`} /> ({section.cases.length})
          </h2>
          {section.cases.length === 0 ? (
            <p className="utrecht-paragraph">
              <FormattedMessage id="queue.none" />
            </p>
          ) : (
            <ul className="portal-list" data-testid={`queue-${section.id}`}>
              {section.cases.map((c) => (
                <li key={c.caseId}>
                  <Link className="utrecht-link" to={`/${params.lang}/queue/${c.caseId}`}>
                    {intl.formatMessage({ id: 'coordinator.queue.explain' }, { ref: refOf(c.caseId) })}
                  </Link>{' '}
                  – {label('theme', c.theme)} – {day(c.receivedAt)}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
      <section className="portal-section" aria-labelledby="decisions">
        <h2 className="utrecht-heading-2" id="decisions">
          <FormattedMessage id="coordinator.queue.decisions" />
        </h2>
        {loaderData.recent === undefined ? (
          <p className="utrecht-paragraph">
            <FormattedMessage id="coordinator.queue.decisionsUnavailable" />
          </p>
        ) : loaderData.recent.rounds.length === 0 ? (
          <p className="utrecht-paragraph">
            <FormattedMessage id="coordinator.queue.noDecisions" />
          </p>
        ) : (
          <ul className="portal-list" data-testid="queue-decisions">
            {loaderData.recent.rounds.map((d) => (
              <li key={`${d.caseId}-${d.round}`}>
                <Link className="utrecht-link" to={`/${params.lang}/queue/${d.caseId}`}>
                  {intl.formatMessage({ id: 'coordinator.queue.explain' }, { ref: refOf(d.caseId) })}
                </Link>{' '}
                –{' '}
                {d.outcome === 'matched'
                  ? intl.formatMessage(
                      { id: 'coordinator.queue.decisionMatched' },
                      { name: nameOf(loaderData.recent!.names, d.counsellorId), date: moment(d.decidedAt) },
                    )
                  : intl.formatMessage({ id: 'coordinator.queue.decisionUnmatched' }, { date: moment(d.decidedAt) })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
