import { FormattedMessage } from 'react-intl';
import { data, Form, Link, redirect } from 'react-router';
import { myCases } from '../api/case.server';
import { answerHandover, myHandovers } from '../api/case-colleagues.server';
import { idParam, untilVisible } from '../api/problem.server';
import { requireUser } from '../auth/user.server';
import { pageLanguage } from '../i18n/languages';
import { PageTitle, refOf, useFormat } from '../ui/format';
import type { Route } from './+types/cases';

/** The advisor's cases from the case service's read models, each with its two legal clocks (met ones too). */
export async function loader({ request, params }: Route.LoaderArgs) {
  pageLanguage(params.lang);
  const { accessToken } = await requireUser(request, 'cases');
  const [cases, handovers] = await Promise.all([myCases(accessToken), myHandovers(accessToken)]);
  const done = new URL(request.url).searchParams.get('done');
  return {
    // Only what the case service shows of a case offered and not yet accepted: its reference, theme and receipt.
    handovers: handovers.map(({ caseId, theme, receivedAt }) => ({ caseId, theme, receivedAt })),
    done: done === 'handover-refused' ? done : undefined,
    cases: cases
      .toSorted((a, b) => b.receivedAt.localeCompare(a.receivedAt))
      .map((c) => ({
        caseId: c.caseId,
        theme: c.theme,
        status: c.status,
        receivedAt: c.receivedAt,
        acknowledgement: c.clocks?.acknowledgement,
        feedback: c.clocks?.feedback,
      })),
  };
}

/**
 * A handover offered to this advisor, accepted (the case becomes theirs: on to its page) or refused (it stays with
 * the colleague who offered it). Plain form posts, post-redirect-get; a refusal by the case service (the offer was
 * withdrawn or answered meanwhile) comes back as an alert at the offer.
 */
export async function action({ request, params }: Route.ActionArgs) {
  pageLanguage(params.lang);
  const { accessToken } = await requireUser(request, 'cases');
  const form = await request.formData();
  const intent = form.get('intent');
  const caseId = idParam(textOf(form.get('caseId')));
  if (intent !== 'accept' && intent !== 'refuse') throw data(null, { status: 400 });
  const answered = await answerHandover(accessToken, caseId, intent === 'accept' ? 'acceptance' : 'refusal');
  if (answered.ok) {
    // The list of offers follows the case's events a moment later: wait (briefly) until it no longer offers this one.
    await untilVisible(async () => !(await myHandovers(accessToken)).some((h) => h.caseId === caseId));
    return redirect(
      intent === 'accept' ? `/${params.lang}/cases/${caseId}?done=handover-accepted` : `/${params.lang}/cases?done=handover-refused`,
      303,
    );
  }
  return data({ caseId, status: answered.refusal.status }, { status: 409 });
}

export default function Cases({ loaderData, actionData, params }: Route.ComponentProps) {
  const { intl, day, deadline, label } = useFormat();
  const title = intl.formatMessage({ id: 'cases.title' });
  const action = `/${params.lang}/cases`;
  return (
    <main id="content" className="portal-page" tabIndex={-1}>
      <PageTitle title={actionData ? `${intl.formatMessage({ id: 'case.errorTitle' })}: ${title}` : title} />
      <h1 className="utrecht-heading-1">{title}</h1>
      {loaderData.done ? (
        <div className="utrecht-alert utrecht-alert--ok portal-notice" role="status">
          <p className="utrecht-paragraph">
            <FormattedMessage id="casework.handover.refusedNotice" />
          </p>
        </div>
      ) : null}
      {loaderData.handovers.length > 0 ? (
        <section className="portal-section" aria-labelledby="handovers" data-testid="handovers">
          <h2 className="utrecht-heading-2" id="handovers">
            <FormattedMessage id="casework.handover.title" />
          </h2>
          <p className="utrecht-paragraph">
            <FormattedMessage id="casework.handover.explain" />
          </p>
          <ul className="portal-list">
            {loaderData.handovers.map((h) => (
              <li key={h.caseId} data-testid="handover-offer">
                <p className="utrecht-paragraph">
                  <FormattedMessage
                    id="casework.handover.offer"
                    values={{ ref: <span dir="ltr">{refOf(h.caseId)}</span>, theme: label('theme', h.theme), date: day(h.receivedAt) }}
                  />
                </p>
                {actionData?.caseId === h.caseId ? (
                  <p className="utrecht-form-field-error-message" id={`handover-${h.caseId}-error`} role="alert">
                    <FormattedMessage id="casework.handover.failed" values={{ status: actionData.status }} />
                  </p>
                ) : null}
                <div className="portal-actions">
                  {(['accept', 'refuse'] as const).map((intent) => (
                    <Form key={intent} method="post" action={action} className="portal-inline-form">
                      <input type="hidden" name="intent" value={intent} />
                      <input type="hidden" name="caseId" value={h.caseId} />
                      <button
                        type="submit"
                        className={`utrecht-button utrecht-button--${intent === 'accept' ? 'primary' : 'secondary'}-action`}
                        aria-describedby={actionData?.caseId === h.caseId ? `handover-${h.caseId}-error` : undefined}
                      >
                        <FormattedMessage id={`casework.handover.${intent}`} values={{ ref: refOf(h.caseId) }} />
                      </button>
                    </Form>
                  ))}
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {loaderData.cases.length === 0 ? (
        <p className="utrecht-paragraph">
          <FormattedMessage id="cases.none" />
        </p>
      ) : (
        <div className="portal-table-scroll">
          <table className="utrecht-table">
            <caption className="utrecht-table__caption">
              <FormattedMessage id="cases.caption" />
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                {['cases.case', 'cases.theme', 'cases.status', 'cases.received', 'cases.acknowledgement', 'cases.feedback'].map((id) => (
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
                    <Link className="utrecht-link" to={`/${params.lang}/cases/${c.caseId}`} dir="ltr">
                      {refOf(c.caseId)}
                    </Link>
                  </th>
                  <td className="utrecht-table__cell">{label('theme', c.theme)}</td>
                  <td className="utrecht-table__cell">{label('status', c.status)}</td>
                  <td className="utrecht-table__cell">{day(c.receivedAt)}</td>
                  <td className={`utrecht-table__cell portal-deadline--${c.acknowledgement?.state ?? 'none'}`}>
                    {deadline(c.acknowledgement)}
                  </td>
                  <td className={`utrecht-table__cell portal-deadline--${c.feedback?.state ?? 'none'}`}>{deadline(c.feedback)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}

/** A form field's text; a file or nothing is an empty text. */
const textOf = (value: FormDataEntryValue | null): string => (typeof value === 'string' ? value : '');
