import { FormattedMessage } from 'react-intl';
import { CaseLayout, When } from '../follow-up/case-page';
import { caseRoute } from '../follow-up/case-route.server';
import { readCase } from '../follow-up/reporter-client.server';
import type { CaseStatus } from '../follow-up/reporter-client.server';
import { takeNotice, withCase } from '../follow-up/session.server';
import type { Route } from './+types/case-status';

export async function loader({ params, request }: Route.LoaderArgs) {
  const { code, language, organisation, session } = await caseRoute(request, params);
  const { notice, erased } = await takeNotice(session);
  const status = await withCase(session, code, language, () => readCase(session.data, 'status'));
  return { code, language, organisation, notice, erased, status };
}

const STEPS = ['received', 'acknowledged', 'inProgress', 'closed'] as const;

/** Where the report stands: each step with its date on the Dutch calendar, or not yet. */
export default function CaseStatusRoute({ loaderData }: Route.ComponentProps) {
  const { code, language, organisation, notice, erased, status } = loaderData;
  return (
    <CaseLayout code={code} language={language} organisation={organisation} page="" notice={notice}>
      <p className="utrecht-paragraph utrecht-paragraph--lead" data-testid="status">
        <FormattedMessage id={`case.status.now.${status.status}`} />
      </p>
      <ol className="site-steps">
        {STEPS.map((step) => {
          const at = status.dates[step];
          return (
            <li key={step} className={at ? 'site-steps__done' : 'site-steps__open'}>
              <span className="site-steps__name">
                <FormattedMessage id={`case.status.step.${step}`} />
              </span>{' '}
              {at ? <When at={at} /> : <FormattedMessage id="case.status.notYet" />}
            </li>
          );
        })}
        {status.dates.withdrawn ? (
          <li className="site-steps__done">
            <span className="site-steps__name">
              <FormattedMessage id="case.status.step.withdrawn" />
            </span>{' '}
            <When at={status.dates.withdrawn} />
          </li>
        ) : null}
      </ol>
      <h2 className="utrecht-heading-2">
        <FormattedMessage id="case.status.deadlines.title" />
      </h2>
      <p className="utrecht-paragraph">
        <FormattedMessage id="case.status.deadlines.text" />
      </p>
      <ul className="utrecht-unordered-list">
        {DEADLINES.map((deadline) => (
          <DeadlineItem key={deadline} deadline={deadline} due={status.deadlines[deadline]} />
        ))}
      </ul>
      {erased ? (
        <p className="utrecht-paragraph">
          <FormattedMessage id="case.erasure.done" />
        </p>
      ) : null}
      <p className="utrecht-paragraph">
        <FormattedMessage id="case.status.session" values={{ minutes: 15 }} />
      </p>
    </CaseLayout>
  );
}

const DEADLINES = ['acknowledgement', 'feedback'] as const;
type Deadline = CaseStatus['deadlines'][(typeof DEADLINES)[number]];

/**
 * One legal deadline as the counsellor's case keeps it (intake computes it with case's rules): its due date, and
 * whether its step came in time, late, not yet, or is no longer owed since the reporter withdrew.
 */
function DeadlineItem({ deadline, due }: { deadline: (typeof DEADLINES)[number]; due: Deadline }) {
  const outcome = due.state === 'missed' && due.metAt ? 'late' : due.state;
  return (
    <li className="utrecht-unordered-list__item" data-testid={`deadline-${deadline}`} data-state={due.state}>
      <FormattedMessage
        id={`case.status.deadline.${deadline}.${outcome}`}
        values={{ due: <When at={due.dueAt} />, at: due.metAt ? <When at={due.metAt} /> : null }}
      />
    </li>
  );
}
