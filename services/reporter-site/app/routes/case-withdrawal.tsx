import { FormattedMessage } from 'react-intl';
import { CaseLayout, When } from '../follow-up/case-page';
import { caseRoute } from '../follow-up/case-route.server';
import { field } from '../follow-up/forms';
import { postCase, readCase } from '../follow-up/reporter-client.server';
import { casePath } from '../follow-up/paths';
import { redirectWithNotice, takeNotice, withCase } from '../follow-up/session.server';
import type { Route } from './+types/case-withdrawal';

export async function loader({ params, request }: Route.LoaderArgs) {
  const { code, language, organisation, session } = await caseRoute(request, params);
  const { notice } = await takeNotice(session);
  const status = await withCase(session, code, language, () => readCase(session.data, 'status'));
  return { code, language, organisation, notice, withdrawnAt: status.dates.withdrawn };
}

/** Withdraws the report, or takes the withdrawal back (only the reporter can); the status page then says so. */
export async function action({ params, request }: Route.ActionArgs) {
  const { code, language, session } = await caseRoute(request, params);
  const resuming = field(await request.formData(), 'intent') === 'resume';
  const status = await withCase(session, code, language, () => postCase(session.data, resuming ? 'resumption' : 'withdrawal'));
  const here = casePath(code, language, 'withdrawal');
  // Withdrawn already, or not withdrawn (any more): the page shows how it stands now.
  if (status === 204 || status === 409 || status === 422) return redirectWithNotice(session, here, resuming ? 'resumed' : 'withdrawn');
  return redirectWithNotice(session, here, 'failed');
}

export default function CaseWithdrawalRoute({ loaderData }: Route.ComponentProps) {
  const { code, language, organisation, notice, withdrawnAt } = loaderData;
  const formAction = casePath(code, language, 'withdrawal');
  return (
    <CaseLayout code={code} language={language} organisation={organisation} page="withdrawal" notice={notice}>
      {withdrawnAt ? (
        <>
          <p className="utrecht-paragraph" data-testid="withdrawn">
            <FormattedMessage id="case.withdrawal.since" /> <When at={withdrawnAt} />
          </p>
          <p className="utrecht-paragraph">
            <FormattedMessage id="case.withdrawal.resumeText" />
          </p>
          <form method="post" action={formAction}>
            <input type="hidden" name="intent" value="resume" />
            <button type="submit" className="utrecht-button utrecht-button--primary-action">
              <FormattedMessage id="case.withdrawal.resume" />
            </button>
          </form>
        </>
      ) : (
        <>
          <p className="utrecht-paragraph">
            <FormattedMessage id="case.withdrawal.text" />
          </p>
          <form method="post" action={formAction}>
            <input type="hidden" name="intent" value="withdraw" />
            <button type="submit" className="utrecht-button utrecht-button--primary-action">
              <FormattedMessage id="case.withdrawal.withdraw" />
            </button>
          </form>
        </>
      )}
    </CaseLayout>
  );
}
