import { FormattedMessage, useIntl } from 'react-intl';
import { data } from 'react-router';
import { CaseLayout, ShownText, When } from '../follow-up/case-page';
import { caseRoute } from '../follow-up/case-route.server';
import { checkText, TEXT_MAX, type Problem } from '../follow-up/forms';
import { postCase, readCase } from '../follow-up/reporter-client.server';
import { casePath } from '../follow-up/paths';
import { redirectWithNotice, takeNotice, withCase } from '../follow-up/session.server';
import { FieldProblem, invalidProps } from '../ui/problems';
import type { Route } from './+types/case-messages';

export async function loader({ params, request }: Route.LoaderArgs) {
  const { code, language, organisation, session } = await caseRoute(request, params);
  const { notice } = await takeNotice(session);
  const { messages } = await withCase(session, code, language, () => readCase(session.data, 'messages'));
  return { code, language, organisation, notice, messages };
}

/** A message to the counsellor: checked, sent to intake (which seals it), then the thread again (post-redirect-get). */
export async function action({ params, request }: Route.ActionArgs) {
  const { code, language, session } = await caseRoute(request, params);
  const { value, problems } = checkText(await request.formData(), 'body', 'case.errors.message');
  // The form again, with the text kept (the loader reads the thread again).
  if (problems.length > 0) return data({ body: value, problems }, { status: 422 });
  const status = await withCase(session, code, language, () => postCase(session.data, 'messages', { body: value }));
  const here = casePath(code, language, 'messages');
  if (status === 201) return redirectWithNotice(session, here, 'message-sent');
  return redirectWithNotice(session, here, status === 422 ? 'report-withdrawn' : 'failed');
}

export default function CaseMessagesRoute({ loaderData, actionData }: Route.ComponentProps) {
  const { code, language, organisation, notice } = loaderData;
  const { messages } = loaderData;
  const problems: Problem[] = actionData?.problems ?? [];
  const intl = useIntl();
  return (
    <CaseLayout code={code} language={language} organisation={organisation} page="messages" notice={notice} problems={problems}>
      {messages.length === 0 ? (
        <p className="utrecht-paragraph">
          <FormattedMessage id="case.messages.none" />
        </p>
      ) : (
        <ol className="site-thread" aria-label={intl.formatMessage({ id: 'case.messages.thread' })}>
          {messages.map((m) => (
            <li key={m.messageId} className={`site-thread__item site-thread__item--${m.from}`}>
              <article aria-labelledby={`m-${m.messageId}`}>
                <h2 id={`m-${m.messageId}`} className="utrecht-heading-4 site-thread__meta">
                  <FormattedMessage
                    id={
                      m.from === 'reporter'
                        ? 'case.messages.fromYou'
                        : m.kind === 'feedback'
                          ? 'case.messages.feedback'
                          : 'case.messages.fromCounsellor'
                    }
                  />
                  {' – '}
                  <When at={m.sentAt} time />
                </h2>
                <ShownText text={m.body} />
              </article>
            </li>
          ))}
        </ol>
      )}
      <section className="site-section" aria-labelledby="write-title">
        <h2 id="write-title" className="utrecht-heading-2">
          <FormattedMessage id="case.messages.write" />
        </h2>
        <form className="site-form" method="post" action={casePath(code, language, 'messages')} noValidate>
          <div className="utrecht-form-field utrecht-form-field--text site-field">
            <label className="utrecht-form-label utrecht-form-field__label" htmlFor="body">
              <FormattedMessage id="case.messages.label" />
            </label>
            <div className="utrecht-form-field-description utrecht-form-field__description" id="body-hint">
              <FormattedMessage id="case.messages.hint" values={{ max: TEXT_MAX }} />
            </div>
            <FieldProblem field="body" problems={problems} />
            <textarea
              className="utrecht-textarea utrecht-form-field__input"
              dir="auto"
              id="body"
              name="body"
              rows={8}
              required
              defaultValue={actionData?.body}
              {...invalidProps('body', problems, 'body-hint')}
            />
          </div>
          <button type="submit" className="utrecht-button utrecht-button--primary-action">
            <FormattedMessage id="case.messages.send" />
          </button>
        </form>
      </section>
    </CaseLayout>
  );
}
