import { FormattedMessage } from 'react-intl';
import { data } from 'react-router';
import { CaseLayout } from '../follow-up/case-page';
import { caseRoute } from '../follow-up/case-route.server';
import { field, type Problem } from '../follow-up/forms';
import { postCase } from '../follow-up/reporter-client.server';
import { casePath } from '../follow-up/paths';
import { redirectWithNotice, takeNotice, withCase } from '../follow-up/session.server';
import { FieldProblem, invalidProps } from '../ui/problems';
import type { Route } from './+types/case-erasure';

export async function loader({ params, request }: Route.LoaderArgs) {
  const { code, language, organisation, session } = await caseRoute(request, params);
  const { notice, erased } = await takeNotice(session);
  return { code, language, organisation, notice, erased };
}

/**
 * Erases the reporter's own data (contact details, name) for good: only with the confirmation ticked, which the
 * server checks; without it, the page asks again and nothing is erased.
 */
export async function action({ params, request }: Route.ActionArgs) {
  const { code, language, session } = await caseRoute(request, params);
  if (field(await request.formData(), 'confirm') !== 'yes') {
    return data({ problems: [{ field: 'confirm', message: 'case.erasure.confirmMissing' }] satisfies Problem[] }, { status: 422 });
  }
  const status = await withCase(session, code, language, () => postCase(session.data, 'personal-data/erasure'));
  const here = casePath(code, language, 'erasure');
  if (status === 204 || status === 422) return redirectWithNotice(session, here, 'erased', { erased: true });
  return redirectWithNotice(session, here, 'failed');
}

export default function CaseErasureRoute({ loaderData, actionData }: Route.ComponentProps) {
  const { code, language, organisation, notice, erased } = loaderData;
  const problems: Problem[] = actionData?.problems ?? [];
  return (
    <CaseLayout code={code} language={language} organisation={organisation} page="erasure" notice={notice} problems={problems}>
      <p className="utrecht-paragraph">
        <FormattedMessage id="case.erasure.what" />
      </p>
      <ul className="utrecht-unordered-list">
        <li className="utrecht-unordered-list__item">
          <FormattedMessage id="case.erasure.erased" />
        </li>
        <li className="utrecht-unordered-list__item">
          <FormattedMessage id="case.erasure.kept" />
        </li>
        <li className="utrecht-unordered-list__item">
          <FormattedMessage id="case.erasure.final" />
        </li>
      </ul>
      {erased ? (
        <p className="utrecht-paragraph" data-testid="erased">
          <strong>
            <FormattedMessage id="case.erasure.done" />
          </strong>
        </p>
      ) : (
        <form className="site-form" method="post" action={casePath(code, language, 'erasure')} noValidate>
          <div className="utrecht-form-field utrecht-form-field--checkbox site-field">
            <FieldProblem field="confirm" problems={problems} />
            <input
              className="utrecht-checkbox utrecht-checkbox--html-input utrecht-form-field__input"
              type="checkbox"
              id="confirm"
              name="confirm"
              value="yes"
              required
              {...invalidProps('confirm', problems)}
            />
            <label className="utrecht-form-label utrecht-form-label--checkbox utrecht-form-field__label" htmlFor="confirm">
              <FormattedMessage id="case.erasure.confirm" />
            </label>
          </div>
          <button type="submit" className="utrecht-button utrecht-button--primary-action">
            <FormattedMessage id="case.erasure.submit" />
          </button>
        </form>
      )}
    </CaseLayout>
  );
}
