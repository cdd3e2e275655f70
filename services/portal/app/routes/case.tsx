import { FormattedMessage } from 'react-intl';
import { data, Form, redirect } from 'react-router';
import { acknowledge, closeCase, readCase, sendMessage, type CaseEntry } from '../api/case.server';
import { consultationsOfCase } from '../api/case-colleagues.server';
import { myColleagues } from '../api/matching-self.server';
import { OUTCOMES } from '../api/outcomes';
import type { Outcome } from '../api/http.server';
import type { Done as Command } from '../api/problem.server';
import { requireUser } from '../auth/user.server';
import { pageLanguage } from '../i18n/languages';
import { caseWorkOf } from '../ui/case/case-work';
import { ConsultationsSection, IdentitySection, TransferSection } from '../ui/case/colleague-sections';
import { colleagueWorkOf, consultationsOf } from '../ui/case/colleague-work';
import { LegalDutySection } from '../ui/case/legal-duty-section';
import { fieldRefused, shownBack, textError, type TextError } from '../ui/case/reply-check';
import { reportOf } from '../ui/case/report-of';
import { ReportSection } from '../ui/case/report-section';
import { CareSection, ConsentsSection, ConversationsSection, DeadlinesSection, HoursSection } from '../ui/case/sections';
import { isStep, runStep, STEPS } from '../ui/case/steps.server';
import type { StepRefusal } from '../ui/case/step-form';
import { PageTitle, refOf, useFormat } from '../ui/format';
import type { Route } from './+types/case';

const DONE = ['acknowledged', 'sent', 'closed', 'handover-accepted', ...STEPS] as const;
type Done = (typeof DONE)[number];

/**
 * The advisor's case: opened through the case service (which logs the read with its reason), the report as the
 * reporter wrote it, its legal clocks, messages, the work on it (conversations and summaries, consents and legal
 * duties, advice, referrals, aftercare, hours) and its timeline.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  pageLanguage(params.lang);
  const { accessToken, user } = await requireUser(request, 'cases');
  // The case first: another advisor's case is a 404 before anything else of it is read.
  const view = await readCase(accessToken, params.caseId);
  const [consultations, colleagues] = await Promise.all([consultationsOfCase(accessToken, params.caseId), myColleagues(accessToken)]);
  const done = new URL(request.url).searchParams.get('done');
  const acknowledged = view.history.some((e) => e.type === 'CaseAcknowledged');
  return {
    caseId: view.caseId,
    status: view.status,
    report: reportOf(view),
    acknowledged,
    messages: view.history.filter((e) => e.type === 'ReporterMessageReceived' || e.type === 'AdvisorMessageSent').map(messageOf),
    timeline: view.history.map((e) => ({ type: e.type, version: e.version, recordedAt: e.recordedAt })),
    work: caseWorkOf(view),
    colleagueWork: colleagueWorkOf(view),
    consultations: consultationsOf(view, consultations),
    colleagues,
    me: user.advisorId ?? '',
    // The case's own clocks: both deadlines with their state, met ones too.
    deadlines: view.clocks,
    done: (DONE as readonly string[]).includes(done ?? '') ? (done as Done) : undefined,
  };
}

/** A form field's text; a file or nothing is an empty text. */
function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

function messageOf(entry: CaseEntry) {
  const body = entry.data.sealedBody;
  return {
    from: entry.type === 'ReporterMessageReceived' ? ('reporter' as const) : ('advisor' as const),
    sentAt: typeof entry.data.sentAt === 'string' ? entry.data.sentAt : entry.recordedAt,
    // An erased or unreadable message is said to be so, never shown as something else.
    text: typeof body === 'string' ? body : undefined,
  };
}

interface Refused {
  /** The form refused; `unknown`: a post that names none of the page's forms. */
  intent: 'acknowledge' | 'message' | 'close' | 'unknown';
  error: TextError | 'outcome' | 'refused' | 'form';
  /** The field the error is about, when it is about one. */
  field?: 'text' | 'feedback' | 'outcome';
  status?: number;
  text?: string;
}

/** The advisor's three steps on the page, each a plain form post; success redirects back (post-redirect-get). */
export async function action({ request, params }: Route.ActionArgs) {
  pageLanguage(params.lang);
  const { accessToken } = await requireUser(request, 'cases');
  const form = await request.formData();
  const intent = field(form, 'intent');
  const back = (done: Done) => redirect(`/${params.lang}/cases/${params.caseId}?done=${done}`, 303);
  if (isStep(intent)) {
    const stepRefused = await runStep(accessToken, params.caseId, intent, form);
    if (!stepRefused) return back(intent);
    // The page comes back with the form said wrong: 409 when the case does not allow the step now, else 422.
    return data<StepRefusal>(stepRefused, { status: stepRefused.status === 409 ? 409 : 422 });
  }
  const refused = (outcome: Outcome, shape: Omit<Refused, 'error' | 'status'>) =>
    data<Refused>({ ...shape, error: 'refused', status: outcome.ok ? undefined : outcome.status }, { status: 409 });
  // Bad input is said at its field (422), with what was typed kept; only a 409 is the case not allowing the step.
  const wrong = (shape: Omit<Refused, 'text'>, text: string) => data<Refused>({ ...shape, text: shownBack(text) }, { status: 422 });
  const notDone = (
    done: Command<unknown>,
    intent: 'message' | 'close',
    text: string,
    fields: readonly ('text' | 'feedback' | 'outcome')[],
  ) => {
    if (done.ok) return undefined;
    const { status } = done.refusal;
    const named = status === 409 ? undefined : fieldRefused(done.refusal, fields, intent === 'message' ? 'text' : 'feedback');
    if (named) return wrong({ intent, error: named.error, field: named.field }, text);
    return data<Refused>({ intent, error: 'refused', status, text: shownBack(text) }, { status: status === 409 ? 409 : 422 });
  };
  if (intent === 'acknowledge') {
    const outcome = await acknowledge(accessToken, params.caseId);
    return outcome.ok ? back('acknowledged') : refused(outcome, { intent });
  }
  if (intent === 'message') {
    const text = field(form, 'text').trim();
    const error = textError(text, true);
    if (error) return wrong({ intent, error, field: 'text' }, text);
    return notDone(await sendMessage(accessToken, params.caseId, text), intent, text, ['text']) ?? back('sent');
  }
  if (intent === 'close') {
    const outcome = field(form, 'outcome');
    const feedback = field(form, 'feedback').trim();
    if (!(OUTCOMES as readonly string[]).includes(outcome)) return wrong({ intent, error: 'outcome', field: 'outcome' }, feedback);
    const error = textError(feedback, false);
    if (error) return wrong({ intent, error, field: 'feedback' }, feedback);
    const closed = await closeCase(accessToken, params.caseId, outcome, feedback || undefined);
    return notDone(closed, intent, feedback, ['outcome', 'feedback']) ?? back('closed');
  }
  // A post that names none of the page's forms: the page again, saying so (and nothing done).
  return data<Refused>({ intent: 'unknown', error: 'form' }, { status: 400 });
}

export default function CasePage({ loaderData, actionData, params }: Route.ComponentProps) {
  const { intl, moment, label } = useFormat();
  const c = loaderData;
  const title = intl.formatMessage({ id: 'case.title' }, { ref: refOf(c.caseId) });
  const open = c.status === 'open';
  // The first three steps' refusal (acknowledge, message, close), or a step form's (`form` names it).
  const stepRefusal = actionData && 'form' in actionData ? actionData : undefined;
  const refused = actionData && !('form' in actionData) ? actionData : undefined;
  const sectionProps = { work: c.work, action: `/${params.lang}/cases/${c.caseId}`, open, refusal: stepRefusal };
  const colleagueProps = {
    work: c.colleagueWork,
    consultations: c.consultations,
    colleagues: c.colleagues,
    me: c.me,
    action: sectionProps.action,
    open,
    refusal: stepRefusal,
  };
  const fieldLabels = {
    text: intl.formatMessage({ id: 'case.reply' }),
    feedback: intl.formatMessage({ id: 'case.feedback' }),
    outcome: intl.formatMessage({ id: 'case.outcome' }),
  };
  const errorText = (r: Refused) => {
    if (r.error === 'refused') {
      return r.status === 409
        ? intl.formatMessage({ id: 'case.refused' }, { status: r.status })
        : intl.formatMessage({ id: 'casePage.error.notAccepted' }, { status: r.status ?? '' });
    }
    if (r.error === 'outcome') return intl.formatMessage({ id: 'case.chooseOutcome' });
    if (r.error === 'empty' && r.field === 'text') return intl.formatMessage({ id: 'case.emptyMessage' });
    const id = r.field === 'text' && r.error === 'control' ? 'casePage.error.messageControl' : `casePage.error.${r.error}`;
    return intl.formatMessage({ id }, { field: fieldLabels[r.field ?? 'text'] });
  };
  /** A form's error; with `at`, the one said at that field (a refusal about no field is said at the form's text). */
  const errorOf = (intent: Refused['intent'], at?: Refused['field']) =>
    refused?.intent === intent && (at === undefined || refused.field === at || (refused.field === undefined && at !== 'outcome'))
      ? errorText(refused)
      : undefined;
  const action = `/${params.lang}/cases/${c.caseId}`;
  return (
    <main id="content" className="portal-page" tabIndex={-1}>
      <PageTitle title={actionData ? `${intl.formatMessage({ id: 'case.errorTitle' })}: ${title}` : title} />
      <h1 className="utrecht-heading-1">{title}</h1>
      {c.done ? (
        <div className="utrecht-alert utrecht-alert--ok portal-notice" role="status">
          <p className="utrecht-paragraph">
            <FormattedMessage
              id={
                c.done === 'acknowledged' || c.done === 'sent' || c.done === 'closed'
                  ? { acknowledged: 'case.acknowledged', sent: 'case.sent', closed: 'case.closedNotice' }[c.done]
                  : `casework.done.${c.done}`
              }
            />
          </p>
        </div>
      ) : null}
      {refused?.intent === 'unknown' ? (
        <div className="utrecht-alert utrecht-alert--error portal-notice" role="alert" data-testid="unknown-form">
          <p className="utrecht-paragraph">
            <FormattedMessage id="casePage.error.form" />
          </p>
        </div>
      ) : null}
      <dl className="portal-details">
        <div>
          <dt>
            <FormattedMessage id="cases.status" />
          </dt>
          <dd data-testid="case-status">{label('status', c.status)}</dd>
        </div>
      </dl>

      {c.report ? <ReportSection report={c.report} /> : null}

      <DeadlinesSection deadlines={c.deadlines} />

      {open && !c.acknowledged ? (
        <Form method="post" action={action} className="portal-form">
          <input type="hidden" name="intent" value="acknowledge" />
          <ErrorText id="acknowledge-error" text={errorOf('acknowledge')} />
          <button type="submit" className="utrecht-button utrecht-button--primary-action">
            <FormattedMessage id="case.acknowledge" />
          </button>
        </Form>
      ) : null}

      <section className="portal-section" aria-labelledby="messages">
        <h2 className="utrecht-heading-2" id="messages">
          <FormattedMessage id="case.messages" />
        </h2>
        {c.messages.length === 0 ? (
          <p className="utrecht-paragraph">
            <FormattedMessage id="case.noMessages" />
          </p>
        ) : (
          <ol className="portal-messages">
            {c.messages.map((m, i) => (
              <li key={i} className={`portal-message portal-message--${m.from}`}>
                <p className="portal-message__meta">
                  <strong>
                    <FormattedMessage id={m.from === 'reporter' ? 'case.fromReporter' : 'case.fromAdvisor'} />
                  </strong>{' '}
                  <time dateTime={m.sentAt}>{moment(m.sentAt)}</time>
                </p>
                <p className="utrecht-paragraph portal-message__text">{m.text ?? intl.formatMessage({ id: 'case.erasedText' })}</p>
              </li>
            ))}
          </ol>
        )}
        {open ? (
          // Keyed by the messages shown: once a message is sent the form starts empty again, with scripts too.
          <Form key={c.messages.length} method="post" action={action} className="portal-form">
            <input type="hidden" name="intent" value="message" />
            <TextArea
              field="text"
              label={intl.formatMessage({ id: 'case.reply' })}
              hint={intl.formatMessage({ id: 'case.replyHint' })}
              error={errorOf('message', 'text')}
              value={refused?.intent === 'message' ? refused.text : undefined}
              required
            />
            <button type="submit" className="utrecht-button utrecht-button--primary-action">
              <FormattedMessage id="case.send" />
            </button>
          </Form>
        ) : null}
      </section>

      <ConversationsSection {...sectionProps} />
      <ConsentsSection {...sectionProps} />
      <LegalDutySection {...sectionProps} />
      <CareSection {...sectionProps} />
      <HoursSection {...sectionProps} />
      <IdentitySection {...colleagueProps} />
      <ConsultationsSection {...colleagueProps} />
      <TransferSection {...colleagueProps} />

      {open ? (
        <section className="portal-section" aria-labelledby="close">
          <h2 className="utrecht-heading-2" id="close">
            <FormattedMessage id="case.close" />
          </h2>
          <Form method="post" action={action} className="portal-form">
            <input type="hidden" name="intent" value="close" />
            <fieldset className="utrecht-form-fieldset" aria-describedby={errorOf('close', 'outcome') ? 'outcome-error' : undefined}>
              <legend className="utrecht-form-fieldset__legend">
                <FormattedMessage id="case.outcome" /> (<FormattedMessage id="case.required" />)
              </legend>
              <ErrorText id="outcome-error" text={errorOf('close', 'outcome')} />
              {OUTCOMES.map((outcome, i) => (
                <div key={outcome} className="utrecht-form-field utrecht-form-field--radio">
                  <input
                    className="utrecht-radio-button utrecht-form-field__input"
                    type="radio"
                    id={`outcome-${i}`}
                    name="outcome"
                    value={outcome}
                  />
                  <label className="utrecht-form-label utrecht-form-label--radio utrecht-form-field__label" htmlFor={`outcome-${i}`}>
                    {label('outcome', outcome)}
                  </label>
                </div>
              ))}
            </fieldset>
            <TextArea
              field="feedback"
              label={`${intl.formatMessage({ id: 'case.feedback' })} (${intl.formatMessage({ id: 'case.optional' })})`}
              hint={intl.formatMessage({ id: 'case.feedbackHint' })}
              error={errorOf('close', 'feedback')}
              value={refused?.intent === 'close' ? refused.text : undefined}
            />
            <button type="submit" className="utrecht-button utrecht-button--secondary-action">
              <FormattedMessage id="case.closeSubmit" />
            </button>
          </Form>
        </section>
      ) : null}

      <section className="portal-section" aria-labelledby="timeline">
        <h2 className="utrecht-heading-2" id="timeline">
          <FormattedMessage id="case.timeline" />
        </h2>
        <ol className="portal-timeline">
          {c.timeline.map((e) => (
            <li key={e.version}>
              <time dateTime={e.recordedAt}>{moment(e.recordedAt)}</time>{' '}
              {intl.messages[`event.${e.type}`] !== undefined
                ? intl.formatMessage({ id: `event.${e.type}` })
                : intl.messages[`casework.event.${e.type}`] !== undefined
                  ? intl.formatMessage({ id: `casework.event.${e.type}` })
                  : intl.formatMessage({ id: 'event.other' }, { type: e.type })}
            </li>
          ))}
        </ol>
      </section>
    </main>
  );
}

function ErrorText({ id, text }: { id: string; text: string | undefined }) {
  if (!text) return null;
  return (
    <p className="utrecht-form-field-error-message" id={id} role="alert">
      {text}
    </p>
  );
}

function TextArea(props: { field: string; label: string; hint: string; error?: string; value?: string; required?: boolean }) {
  const { field, label, hint, error, value, required = false } = props;
  const describedBy = [`${field}-hint`, ...(error ? [`${field}-error`] : [])].join(' ');
  return (
    <div className={`utrecht-form-field utrecht-form-field--text portal-field${error ? ' utrecht-form-field--invalid' : ''}`}>
      <label className="utrecht-form-label utrecht-form-field__label" htmlFor={field}>
        {label}
      </label>
      <div className="utrecht-form-field-description utrecht-form-field__description" id={`${field}-hint`}>
        {hint}
      </div>
      <ErrorText id={`${field}-error`} text={error} />
      <textarea
        className={`utrecht-textarea utrecht-form-field__input${error ? ' utrecht-textarea--invalid' : ''}`}
        id={field}
        name={field}
        rows={5}
        maxLength={10_000}
        defaultValue={value}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
}
