import { FormattedMessage } from 'react-intl';
import { CaseLayout, When } from '../follow-up/case-page';
import { caseRoute } from '../follow-up/case-route.server';
import { readCase } from '../follow-up/reporter-client.server';
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
