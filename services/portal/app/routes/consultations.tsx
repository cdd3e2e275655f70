import { FormattedMessage, useIntl } from 'react-intl';
import { data, redirect } from 'react-router';
import { answerConsultation, consultationsAskedOfMe, shownText } from '../api/case-colleagues.server';
import { myColleagues } from '../api/matching-self.server';
import { idParam } from '../api/problem.server';
import { requireUser } from '../auth/user.server';
import { pageLanguage } from '../i18n/languages';
import { checked } from '../ui/case/steps.server';
import { StepForm, TextAreaField, type FieldError, type StepRefusal } from '../ui/case/step-form';
import { PageTitle, useFormat } from '../ui/format';
import type { Route } from './+types/consultations';

/**
 * The questions colleagues asked this advisor for a second opinion (intervisie), each with their answer or a form to
 * give it. Only what the case service returns: who asked, when, the question; never the case it is about. Opening
 * this page is logged by the case service as a read of each question, for the auditor.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  pageLanguage(params.lang);
  const { accessToken } = await requireUser(request, 'consultations');
  const [asked, colleagues] = await Promise.all([consultationsAskedOfMe(accessToken), myColleagues(accessToken)]);
  const names = new Map((colleagues ?? []).map((c) => [c.counsellorId, c.name]));
  return {
    consultations: asked
      .toSorted((a, b) => b.requestedAt.localeCompare(a.requestedAt))
      .map((c) => ({
        consultationId: c.consultationId,
        askedBy: names.get(c.askedBy) ?? null,
        requestedAt: c.requestedAt,
        question: shownText(c.question),
        answer: shownText(c.answer),
        answeredAt: c.answeredAt,
      })),
    done: new URL(request.url).searchParams.get('done') === 'answer',
    // The consultation just answered: the list follows the answer a moment later, so until it does the page says the
    // answer is on its way instead of offering the form again.
    answered: new URL(request.url).searchParams.get('consultation'),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  pageLanguage(params.lang);
  const { accessToken } = await requireUser(request, 'consultations');
  const form = await request.formData();
  if (form.get('intent') !== 'answer') throw data(null, { status: 400 });
  const consultationId = idParam(textOf(form.get('consultationId')));
  const c = checked(form, { answer: 'text' });
  const key = `answer:${consultationId}`;
  if (Object.keys(c.errors).length > 0) return data<StepRefusal>({ form: key, errors: c.errors, values: c.values }, { status: 422 });
  const answered = await answerConsultation(accessToken, consultationId, c.values.answer);
  if (answered.ok) return redirect(`/${params.lang}/consultations?done=answer&consultation=${consultationId}`, 303);
  const { refusal } = answered;
  const errors: Record<string, FieldError> = {};
  for (const f of refusal.fields) if (f.field.split(/[.[]/)[0] === 'answer') errors.answer = 'invalid';
  return data<StepRefusal>(
    { form: key, errors, values: c.values, status: refusal.status, ...(refusal.rule ? { rule: refusal.rule } : {}) },
    { status: refusal.status === 409 ? 409 : 422 },
  );
}

export default function Consultations({ loaderData, actionData, params }: Route.ComponentProps) {
  const intl = useIntl();
  const { day } = useFormat();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const title = t('casework.asked.title');
  return (
    <main id="content" className="portal-page" tabIndex={-1}>
      <PageTitle title={actionData ? `${t('case.errorTitle')}: ${title}` : title} />
      <h1 className="utrecht-heading-1">{title}</h1>
      {loaderData.done ? (
        <div className="utrecht-alert utrecht-alert--ok portal-notice" role="status">
          <p className="utrecht-paragraph">
            <FormattedMessage id="casework.asked.done" />
          </p>
        </div>
      ) : null}
      <p className="utrecht-paragraph">
        <FormattedMessage id="casework.asked.intro" />
      </p>
      {loaderData.consultations.length === 0 ? (
        <p className="utrecht-paragraph">
          <FormattedMessage id="casework.asked.none" />
        </p>
      ) : (
        <ol className="portal-messages">
          {loaderData.consultations.map((c) => (
            <li key={c.consultationId} className="portal-message portal-message--reporter" data-testid="asked">
              <h2 className="utrecht-heading-3">
                <FormattedMessage
                  id="casework.asked.by"
                  values={{ colleague: <bdi>{c.askedBy ?? t('casework.colleague.unlisted')}</bdi>, date: day(c.requestedAt) }}
                />
              </h2>
              <p className="utrecht-paragraph portal-message__text" dir="auto">
                {c.question ?? t('casework.erased')}
              </p>
              {c.answeredAt ? (
                <p className="utrecht-paragraph" data-testid="my-answer">
                  <strong>{t('casework.asked.answered', { date: day(c.answeredAt) })}</strong>{' '}
                  <span className="portal-message__text" dir="auto">
                    {c.answer ?? t('casework.erased')}
                  </span>
                </p>
              ) : c.consultationId === loaderData.answered ? (
                <p className="utrecht-paragraph" data-testid="my-answer">
                  {t('casework.asked.onItsWay')}
                </p>
              ) : (
                <StepForm
                  intent="answer"
                  item={c.consultationId}
                  itemField="consultationId"
                  action={`/${params.lang}/consultations`}
                  refusal={actionData}
                  submit={t('casework.asked.submit')}
                  secondary
                >
                  <TextAreaField name="answer" label={t('casework.field.answer')} hint={t('casework.hint.answer')} rows={4} />
                </StepForm>
              )}
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}

/** A form field's text; a file or nothing is an empty text. */
const textOf = (value: FormDataEntryValue | null): string => (typeof value === 'string' ? value : '');
