import { FormattedMessage, useIntl } from 'react-intl';
import { data, redirect } from 'react-router';
import { ENGAGEMENT_KINDS } from '../api/case-values';
import { myRecord, recordAbsence, recordEngagement, type Recorded } from '../api/matching-self.server';
import { requireUser } from '../auth/user.server';
import { pageLanguage } from '../i18n/languages';
import { checked } from '../ui/case/steps.server';
import { InputField, SelectField, StepForm, TextAreaField, type FieldError, type StepRefusal } from '../ui/case/step-form';
import { PageTitle, useFormat } from '../ui/format';
import type { Route } from './+types/my-work';

const DONE = ['engagement', 'absence'] as const;
type Done = (typeof DONE)[number];

/** A matching rule's refusal that is about one field of the form. */
const RULE_FIELDS: Record<string, string> = {
  OrganisationNotFoundError: 'organisationId',
  AbsenceOrderError: 'until',
};

/** The advisor's own work outside cases: engagements for the organisations they serve, and their absences. */
export async function loader({ request, params }: Route.LoaderArgs) {
  pageLanguage(params.lang);
  const { accessToken } = await requireUser(request, 'work');
  const me = await myRecord(accessToken);
  const done = new URL(request.url).searchParams.get('done');
  const names = new Map(me.serves.map((o) => [o.organisationId, o.name]));
  return {
    name: me.name,
    serves: me.serves.map((o) => ({ organisationId: o.organisationId, name: o.name ?? o.organisationId })),
    engagements: me.engagements.map((e) => ({ ...e, organisation: names.get(e.organisationId) ?? null })),
    absences: me.absences.toSorted((a, b) => b.from.localeCompare(a.from)),
    done: (DONE as readonly string[]).includes(done ?? '') ? (done as Done) : undefined,
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  pageLanguage(params.lang);
  const { accessToken } = await requireUser(request, 'work');
  const form = await request.formData();
  const intent = form.get('intent');
  if (intent !== 'engagement' && intent !== 'absence') throw data(null, { status: 400 });
  const c =
    intent === 'engagement'
      ? checked(form, { organisationId: 'text', kind: ENGAGEMENT_KINDS, on: 'day', minutes: 'minutes', description: 'text' })
      : checked(form, { from: 'day', until: 'day' });
  const refusal = (errors: Record<string, FieldError>, outcome?: Recorded) =>
    data<StepRefusal>(
      {
        form: intent,
        errors,
        values: c.values,
        ...(outcome && !outcome.ok ? { status: outcome.status, ...(outcome.rule ? { rule: outcome.rule } : {}) } : {}),
      },
      { status: 422 },
    );
  if (intent === 'engagement' && c.values.description.length > 500) c.errors.description = 'long500';
  if (Object.keys(c.errors).length > 0) return refusal(c.errors);
  const v = c.values;
  const outcome =
    intent === 'engagement'
      ? await recordEngagement(accessToken, {
          organisationId: v.organisationId,
          kind: v.kind,
          on: v.on,
          minutes: Number(v.minutes),
          description: v.description,
        })
      : await recordAbsence(accessToken, { from: v.from, until: v.until });
  if (outcome.ok) return redirect(`/${params.lang}/work?done=${intent}`, 303);
  const errors: Record<string, FieldError> = {};
  for (const field of outcome.fields) if (field in v) errors[field] = 'invalid';
  const at = outcome.rule ? RULE_FIELDS[outcome.rule] : undefined;
  if (at) errors[at] = 'rule';
  return refusal(errors, outcome);
}

export default function MyWork({ loaderData, actionData, params }: Route.ComponentProps) {
  const intl = useIntl();
  const { day } = useFormat();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const kind = (k: string) => (intl.messages[`casework.engagement.${k}`] !== undefined ? t(`casework.engagement.${k}`) : k);
  const w = loaderData;
  const title = t('casework.work.title');
  const action = `/${params.lang}/work`;
  return (
    <main id="content" className="portal-page" tabIndex={-1}>
      <PageTitle title={actionData ? `${t('case.errorTitle')}: ${title}` : title} />
      <h1 className="utrecht-heading-1">{title}</h1>
      {w.done ? (
        <div className="utrecht-alert utrecht-alert--ok portal-notice" role="status">
          <p className="utrecht-paragraph">
            <FormattedMessage id={`casework.work.done.${w.done}`} />
          </p>
        </div>
      ) : null}
      <p className="utrecht-paragraph">
        <FormattedMessage id="casework.work.intro" />
      </p>

      <section className="portal-section" aria-labelledby="engagements">
        <h2 className="utrecht-heading-2" id="engagements">
          {t('casework.work.engagements')}
        </h2>
        {w.engagements.length === 0 ? (
          <p className="utrecht-paragraph">{t('casework.work.noEngagements')}</p>
        ) : (
          <div className="portal-table-scroll">
            <table className="utrecht-table" data-testid="engagements">
              <caption className="utrecht-table__caption">{t('casework.work.engagementsCaption')}</caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  {[
                    'casework.work.on',
                    'casework.work.organisation',
                    'casework.work.kind',
                    'casework.field.minutes',
                    'casework.work.description',
                  ].map((id) => (
                    <th key={id} scope="col" className="utrecht-table__header-cell">
                      {t(id)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {w.engagements.map((e) => (
                  <tr key={e.activityId} className="utrecht-table__row">
                    <td className="utrecht-table__cell">{day(e.on)}</td>
                    <td className="utrecht-table__cell">{e.organisation ?? '–'}</td>
                    <td className="utrecht-table__cell">{kind(e.kind)}</td>
                    <td className="utrecht-table__cell" dir="ltr">
                      {e.minutes}
                    </td>
                    <td className="utrecht-table__cell" dir="auto">
                      {e.description ?? t('casework.erased')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {w.serves.length === 0 ? (
          <p className="utrecht-paragraph">{t('casework.work.servesNone')}</p>
        ) : (
          <>
            <h3 className="utrecht-heading-3">{t('casework.work.record')}</h3>
            <StepForm
              intent="engagement"
              action={action}
              refusal={actionData}
              submit={t('casework.work.recordSubmit')}
              key={w.engagements.length}
            >
              <SelectField
                name="organisationId"
                label={t('casework.work.organisation')}
                options={w.serves.map((o) => ({ value: o.organisationId, label: o.name }))}
              />
              <SelectField
                name="kind"
                label={t('casework.work.kind')}
                options={ENGAGEMENT_KINDS.map((k) => ({ value: k, label: kind(k) }))}
              />
              <InputField name="on" type="date" label={t('casework.work.on')} hint={t('casework.hint.date')} />
              <InputField name="minutes" type="number" label={t('casework.field.minutes')} hint={t('casework.hint.minutes')} />
              <TextAreaField name="description" label={t('casework.work.description')} hint={t('casework.work.descriptionHint')} rows={3} />
            </StepForm>
          </>
        )}
      </section>

      <section className="portal-section" aria-labelledby="absences">
        <h2 className="utrecht-heading-2" id="absences">
          {t('casework.work.absences')}
        </h2>
        {w.absences.length === 0 ? (
          <p className="utrecht-paragraph">{t('casework.work.noAbsences')}</p>
        ) : (
          <ul className="portal-list" data-testid="absences">
            {w.absences.map((a) => (
              <li key={a.absenceId}>{t('casework.work.absence', { from: day(a.from), until: day(a.until) })}</li>
            ))}
          </ul>
        )}
        <h3 className="utrecht-heading-3">{t('casework.work.absenceRecord')}</h3>
        <StepForm
          intent="absence"
          action={action}
          refusal={actionData}
          submit={t('casework.work.absenceSubmit')}
          secondary
          key={w.absences.length}
        >
          <InputField name="from" type="date" label={t('casework.work.from')} hint={t('casework.hint.date')} />
          <InputField name="until" type="date" label={t('casework.work.until')} hint={t('casework.hint.date')} />
        </StepForm>
      </section>
    </main>
  );
}
