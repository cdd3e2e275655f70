import { data, Form, redirect } from 'react-router';
import { agencySettings, configureAgency, retention, setRetention, type AgencySettingsBody } from '../api/administration.server';
import { untilVisible } from '../api/problem.server';
import { requireUser } from '../auth/user.server';
import { pageLanguage } from '../i18n/languages';
import { revalidateWhenStale, useAnswerOnceRead, VersionField, versionSent } from '../ui/concurrency';
import { Choices, Field, list, Notice, RefusalSummary, text, valuesOf, whole, type FormRefusal } from '../ui/coordinator-form';
import { WORKFORCE_LANGUAGES } from '../ui/directory-values';
import { PageTitle, useFormat } from '../ui/format';
import type { Route } from './+types/settings';

const DONE = ['matching', 'retention'] as const;
type DoneStep = (typeof DONE)[number];

/**
 * The agency's settings on one page, each said in plain words: matching's (pool matching, the agency's languages;
 * `GET/PUT /agencies/:agencyId/settings`) and the case service's retention period (`GET/PUT …/retention`).
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  pageLanguage(params.lang);
  const { accessToken, user } = await requireUser(request, 'settings');
  if (!user.agencyId) throw data(null, { status: 403 });
  const [agency, monthsAfterClosure] = await Promise.all([
    agencySettings(accessToken, user.agencyId),
    retention(accessToken, user.agencyId),
  ]);
  const done = new URL(request.url).searchParams.get('done');
  return { agency, monthsAfterClosure, done: (DONE as readonly string[]).includes(done ?? '') ? (done as DoneStep) : undefined };
}

export const shouldRevalidate = revalidateWhenStale;

export async function action({ request, params }: Route.ActionArgs) {
  pageLanguage(params.lang);
  const { accessToken, user } = await requireUser(request, 'settings');
  const agencyId = user.agencyId;
  if (!agencyId) throw data(null, { status: 403 });
  const form = await request.formData();
  const intent = text(form, 'intent');
  const refused = (refusal: FormRefusal['refusal']) => data<FormRefusal>({ intent, refusal, values: valuesOf(form) }, { status: 422 });
  if (intent === 'matching') {
    const pool = text(form, 'poolMatching');
    // A choice that is neither stays out, so the service names the field.
    const body = { ...(pool === 'yes' || pool === 'no' ? { poolMatching: pool === 'yes' } : {}), languages: list(form, 'languages') };
    const sent = versionSent(form);
    const outcome = await configureAgency(accessToken, agencyId, body as AgencySettingsBody, sent);
    if (!outcome.ok) return refused(outcome.refusal);
    const shows = ({ settings, version }: { settings: { poolMatching: boolean; languages: string[] }; version?: number }) =>
      settings.poolMatching === body.poolMatching &&
      settings.languages.join() === body.languages.join() &&
      (sent === undefined || (version ?? -1) > sent);
    // Matching's settings read follows its events a moment later: wait (briefly) until it shows the change and its
    // version, so the page's form carries the version after it.
    await untilVisible(async () => shows(await agencySettings(accessToken, agencyId)));
    return redirect(`/${params.lang}/settings?done=matching`, 303);
  }
  if (intent === 'retention') {
    const outcome = await setRetention(accessToken, agencyId, { monthsAfterClosure: whole(form, 'monthsAfterClosure') });
    if (!outcome.ok) return refused(outcome.refusal);
    return redirect(`/${params.lang}/settings?done=retention`, 303);
  }
  throw data(null, { status: 400 });
}

export default function Settings({ loaderData, actionData: answer, params }: Route.ComponentProps) {
  const actionData = useAnswerOnceRead(answer);
  const { intl, label } = useFormat();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id: `administration.settings.${id}` }, values);
  const { agency, monthsAfterClosure, done } = loaderData;
  const title = t('title');
  const action = `/${params.lang}/settings`;
  const pool = agency.settings.poolMatching;
  return (
    <main id="content" className="portal-page" tabIndex={-1}>
      <PageTitle title={actionData ? `${intl.formatMessage({ id: 'coordinator.errorTitle' })}: ${title}` : title} />
      <h1 className="utrecht-heading-1">{title}</h1>
      {agency.name ? <p className="utrecht-paragraph">{t('agency', { name: agency.name })}</p> : null}
      {agency.status === 'suspended' ? <p className="utrecht-paragraph">{t('suspended')}</p> : null}
      {done ? <Notice>{t(`done.${done}`)}</Notice> : null}

      <section className="portal-section" aria-labelledby="matching">
        <h2 className="utrecht-heading-2" id="matching">
          {t('matching')}
        </h2>
        <dl className="portal-details" data-testid="matching-settings">
          <div>
            <dt>{t('poolMatching')}</dt>
            <dd>{pool ? t('poolOn') : t('poolOff')}</dd>
          </div>
          <div>
            <dt>{t('languages')}</dt>
            <dd>{agency.settings.languages.map((l) => label('coordinator.language', l)).join(', ')}</dd>
          </div>
        </dl>
        <Form method="post" action={action} className="portal-form">
          <input type="hidden" name="intent" value="matching" />
          {agency.version !== undefined ? <VersionField version={agency.version} /> : null}
          <RefusalSummary refused={actionData} intent="matching" labels={{ poolMatching: t('poolMatching'), languages: t('languages') }} />
          <Choices
            intent="matching"
            name="poolMatching"
            legend={t('poolMatching')}
            hint={t('poolMatchingHint')}
            options={[
              { value: 'yes', label: t('poolYes') },
              { value: 'no', label: t('poolNo') },
            ]}
            multiple={false}
            refused={actionData}
            defaultValue={[pool ? 'yes' : 'no']}
          />
          <Choices
            intent="matching"
            name="languages"
            legend={t('languages')}
            hint={t('languagesHint')}
            options={WORKFORCE_LANGUAGES.map((l) => ({ value: l, label: label('coordinator.language', l) }))}
            refused={actionData}
            defaultValue={agency.settings.languages}
          />
          <button type="submit" className="utrecht-button utrecht-button--secondary-action">
            {t('matchingSubmit')}
          </button>
        </Form>
      </section>

      <section className="portal-section" aria-labelledby="retention">
        <h2 className="utrecht-heading-2" id="retention">
          {t('retention')}
        </h2>
        <p className="utrecht-paragraph" data-testid="retention-now">
          {monthsAfterClosure === null ? t('retentionUnset') : t('retentionNow', { months: monthsAfterClosure })}
        </p>
        <p className="utrecht-paragraph">{t('retentionMeaning')}</p>
        <Form method="post" action={action} className="portal-form">
          <input type="hidden" name="intent" value="retention" />
          <RefusalSummary refused={actionData} intent="retention" labels={{ monthsAfterClosure: t('monthsAfterClosure') }} />
          <Field
            intent="retention"
            name="monthsAfterClosure"
            label={t('monthsAfterClosure')}
            hint={t('monthsAfterClosureHint')}
            type="number"
            refused={actionData}
            defaultValue={monthsAfterClosure === null ? undefined : String(monthsAfterClosure)}
            required
          />
          <button type="submit" className="utrecht-button utrecht-button--secondary-action">
            {t('retentionSubmit')}
          </button>
        </Form>
      </section>
    </main>
  );
}
