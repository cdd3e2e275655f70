import { FormattedMessage } from 'react-intl';
import { data, Link } from 'react-router';
import { attention, type CaseOverview } from '../api/case.server';
import { requireUser } from '../auth/user.server';
import { pageLanguage } from '../i18n/languages';
import { PageTitle, refOf, useFormat } from '../ui/format';
import type { Route } from './+types/queue';

/** The coordinator's queue: the agency's live cases that need someone, metadata only. */
export async function loader({ request, params }: Route.LoaderArgs) {
  pageLanguage(params.lang);
  const { accessToken, user } = await requireUser(request, 'queue');
  if (!user.agencyId) throw data(null, { status: 403 });
  const queue = await attention(accessToken, user.agencyId);
  const rows = (list: CaseOverview[]) => list.map(({ caseId, theme, receivedAt }) => ({ caseId, theme, receivedAt }));
  return {
    sections: [
      { id: 'waitingForAssignment', cases: rows(queue.waitingForAssignment) },
      { id: 'handoverPending', cases: rows(queue.handoverPending) },
      { id: 'advisorCannotAct', cases: rows(queue.advisorCannotAct) },
    ],
  };
}

export default function Queue({ loaderData, params }: Route.ComponentProps) {
  const { intl, day, label } = useFormat();
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
    </main>
  );
}
