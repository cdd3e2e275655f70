import { FormattedMessage } from 'react-intl';
import { data } from 'react-router';
import { CaseLayout, ShownText, When } from '../follow-up/case-page';
import { caseRoute } from '../follow-up/case-route.server';
import { checkText, field, TEXT_MAX, type Problem } from '../follow-up/forms';
import { isId, postCase, readCase } from '../follow-up/reporter-client.server';
import { casePath } from '../follow-up/paths';
import { redirectWithNotice, takeNotice, withCase } from '../follow-up/session.server';
import { FieldProblem, invalidProps } from '../ui/problems';
import type { Route } from './+types/case-summaries';

export async function loader({ params, request }: Route.LoaderArgs) {
  const { code, language, organisation, session } = await caseRoute(request, params);
  const { notice } = await takeNotice(session);
  const { summaries } = await withCase(session, code, language, () => readCase(session.data, 'summaries'));
  return { code, language, organisation, notice, summaries };
}

/**
 * The reporter approves the version they read, or corrects it (Art. 18: check, correct, agree). The version goes
 * along, so an answer to a version the counsellor has since revised is refused (409) and the page says so.
 */
export async function action({ params, request }: Route.ActionArgs) {
  const { code, language, session } = await caseRoute(request, params);
  const form = await request.formData();
  const summaryId = field(form, 'summaryId');
  const version = Number(field(form, 'version'));
  const here = casePath(code, language, 'summaries');
  if (!isId(summaryId) || !Number.isInteger(version) || version < 1) return redirectWithNotice(session, here, 'failed');
  const correcting = field(form, 'intent') === 'correct';
  let body: object = { version };
  if (correcting) {
    const { value, problems } = checkText(form, `correction-${summaryId}`, 'case.errors.correction');
    if (problems.length > 0) return data({ problems, correction: { summaryId, value } }, { status: 422 });
    body = { version, correction: value };
  }
  const path = `summaries/${summaryId}/${correcting ? 'correction' : 'approval'}`;
  const status = await withCase(session, code, language, () => postCase(session.data, path, body));
  if (status === 204) return redirectWithNotice(session, here, correcting ? 'summary-corrected' : 'summary-approved');
  return redirectWithNotice(session, here, status === 409 ? 'summary-newer' : status === 422 ? 'summary-answered' : 'failed');
}

export default function CaseSummariesRoute({ loaderData, actionData }: Route.ComponentProps) {
  const { code, language, organisation, notice } = loaderData;
  const { summaries } = loaderData;
  const problems: Problem[] = actionData?.problems ?? [];
  const formAction = casePath(code, language, 'summaries');
  return (
    <CaseLayout code={code} language={language} organisation={organisation} page="summaries" notice={notice} problems={problems}>
      <p className="utrecht-paragraph">
        <FormattedMessage id="case.summaries.intro" />
      </p>
      {summaries.length === 0 ? (
        <p className="utrecht-paragraph">
          <FormattedMessage id="case.summaries.none" />
        </p>
      ) : null}
      {summaries.map((s) => {
        const correctionField = `correction-${s.summaryId}`;
        return (
          <section key={s.summaryId} className="site-section site-card" aria-labelledby={`s-${s.summaryId}`}>
            <h2 id={`s-${s.summaryId}`} className="utrecht-heading-2">
              <FormattedMessage id="case.summaries.title" values={{ version: s.version }} />
            </h2>
            <p className="utrecht-paragraph site-meta">
              <FormattedMessage id="case.summaries.shared" /> <When at={s.sharedAt} />
            </p>
            <ShownText text={s.text} />
            {s.answer ? (
              <p className="utrecht-paragraph" data-testid="summary-answer">
                <strong>
                  <FormattedMessage id={`case.summaries.answer.${s.answer}`} />
                </strong>
              </p>
            ) : (
              <>
                <form method="post" action={formAction} className="site-inline-form">
                  <input type="hidden" name="intent" value="approve" />
                  <input type="hidden" name="summaryId" value={s.summaryId} />
                  <input type="hidden" name="version" value={s.version} />
                  <button type="submit" className="utrecht-button utrecht-button--primary-action">
                    <FormattedMessage id="case.summaries.approve" values={{ version: s.version }} />
                  </button>
                </form>
                <form method="post" action={formAction} className="site-form" noValidate>
                  <input type="hidden" name="intent" value="correct" />
                  <input type="hidden" name="summaryId" value={s.summaryId} />
                  <input type="hidden" name="version" value={s.version} />
                  <div className="utrecht-form-field utrecht-form-field--text site-field">
                    <label className="utrecht-form-label utrecht-form-field__label" htmlFor={correctionField}>
                      <FormattedMessage id="case.summaries.correction" />
                    </label>
                    <div className="utrecht-form-field-description utrecht-form-field__description" id={`${correctionField}-hint`}>
                      <FormattedMessage id="case.messages.hint" values={{ max: TEXT_MAX }} />
                    </div>
                    <FieldProblem field={correctionField} problems={problems} />
                    <textarea
                      className="utrecht-textarea utrecht-form-field__input"
                      dir="auto"
                      id={correctionField}
                      name={correctionField}
                      rows={6}
                      required
                      defaultValue={actionData?.correction?.summaryId === s.summaryId ? actionData.correction.value : undefined}
                      {...invalidProps(correctionField, problems, `${correctionField}-hint`)}
                    />
                  </div>
                  <button type="submit" className="utrecht-button utrecht-button--secondary-action">
                    <FormattedMessage id="case.summaries.correct" />
                  </button>
                </form>
              </>
            )}
            {s.versions.length > 1 ? (
              <details className="site-details">
                <summary>
                  <FormattedMessage id="case.summaries.earlier" values={{ count: s.versions.length - 1 }} />
                </summary>
                {s.versions.slice(0, -1).map((v) => (
                  <div key={v.version} className="site-version">
                    <h3 className="utrecht-heading-4">
                      <FormattedMessage id="case.summaries.title" values={{ version: v.version }} />
                      {v.answer ? (
                        <>
                          {' – '}
                          <FormattedMessage id={`case.summaries.answer.${v.answer}`} />
                        </>
                      ) : null}
                    </h3>
                    <ShownText text={v.text} />
                  </div>
                ))}
              </details>
            ) : null}
          </section>
        );
      })}
    </CaseLayout>
  );
}
