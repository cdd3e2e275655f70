import type { ReactNode } from 'react';
import { data, Form, redirect } from 'react-router';
import { amsterdamToday } from '@vertrouwd/domain';
import {
  appoint,
  appointByMatching,
  changeHeadcount,
  counsellors,
  engagements,
  organisation,
  recordEngagement,
  versionAgreement,
  type AgreementBody,
} from '../api/matching.server';
import { changeOrganisationDetails } from '../api/administration.server';
import { idParam, untilVisible, type Done } from '../api/problem.server';
import { requireUser } from '../auth/user.server';
import { pageLanguage } from '../i18n/languages';
import {
  Choices,
  Field,
  list,
  nameOf,
  Notice,
  RefusalSummary,
  Select,
  text,
  valuesOf,
  whole,
  type FormRefusal,
} from '../ui/coordinator-form';
import { AGREEMENT_POWERS, AGREEMENT_RECORDS, AGREEMENT_TASKS, REPORT_FREQUENCIES } from '../ui/directory-values';
import { detailsOf } from '../ui/administration/organisation-details';
import { OrganisationDetailsForm } from '../ui/administration/organisation-details-form';
import { revalidateWhenStale, useAnswerOnceRead, versionSent } from '../ui/concurrency';
import { engagementOf, OrganisationEngagements } from '../ui/organisation-engagements';
import { PageTitle, useFormat } from '../ui/format';
import type { Route } from './+types/organisation';

const DONE = ['registered', 'headcount', 'appointed', 'matched', 'agreement', 'engagement'] as const;
// The administration screens' steps (their notices are in app/i18n/messages/administration).
const ADMINISTRATION_DONE = ['details'] as const;
type DoneStep = (typeof DONE)[number] | (typeof ADMINISTRATION_DONE)[number];

/**
 * A client organisation of the agency: its details, headcount with its history, who serves it (appointed by hand or
 * chosen by matching), the agreement's versions and the work done there outside cases. The onboarding's next steps,
 * and recording a counsellor's work there, are forms on this page. Another agency's organisation: 404 from matching, nothing shown.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  pageLanguage(params.lang);
  const { accessToken, user } = await requireUser(request, 'organisations');
  if (!user.agencyId) throw data(null, { status: 403 });
  const org = await organisation(accessToken, user.agencyId, idParam(params.organisationId));
  const [people, work] = await Promise.all([
    counsellors(accessToken, user.agencyId),
    engagements(accessToken, user.agencyId, org.organisationId),
  ]);
  const done = new URL(request.url).searchParams.get('done');
  return {
    org,
    engagements: work,
    names: Object.fromEntries(people.map((c) => [c.counsellorId, c.name ?? c.username])),
    // Who can serve it: active external counsellors of the agency (internal ones only of this organisation).
    eligible: people
      .filter((c) => c.status === 'active' && (c.kind === 'external' || c.organisationId === org.organisationId))
      .map((c) => ({ value: c.counsellorId, label: c.name ?? c.username })),
    today: amsterdamToday(),
    // The next engagement's id: the form carries it, so one sent twice is recorded once.
    activityId: crypto.randomUUID(),
    done: ([...DONE, ...ADMINISTRATION_DONE] as readonly string[]).includes(done ?? '') ? (done as DoneStep) : undefined,
  };
}

export const shouldRevalidate = revalidateWhenStale;

export async function action({ request, params }: Route.ActionArgs) {
  pageLanguage(params.lang);
  const { accessToken, user } = await requireUser(request, 'organisations');
  const agencyId = user.agencyId;
  if (!agencyId) throw data(null, { status: 403 });
  const form = await request.formData();
  const intent = text(form, 'intent');
  const organisationId = idParam(params.organisationId);
  // The organisation's version before the change: the page it goes back to waits until the change shows.
  const before = (await organisation(accessToken, agencyId, organisationId)).version;
  const answer = async (outcome: Done<unknown>, done: DoneStep) => {
    if (!outcome.ok) return data<FormRefusal>({ intent, refusal: outcome.refusal, values: valuesOf(form) }, { status: 422 });
    await untilVisible(async () => (await organisation(accessToken, agencyId, organisationId)).version > before);
    return redirect(`/${params.lang}/organisations/${organisationId}?done=${done}`, 303);
  };
  if (intent === 'headcount') {
    return answer(
      await changeHeadcount(accessToken, agencyId, organisationId, { headcount: whole(form, 'headcount'), from: text(form, 'from') }),
      'headcount',
    );
  }
  if (intent === 'appoint') {
    const body = { primaryId: text(form, 'primaryId'), substituteId: text(form, 'substituteId'), internalIds: list(form, 'internalIds') };
    return answer(await appoint(accessToken, agencyId, organisationId, body), 'appointed');
  }
  if (intent === 'details')
    return answer(await changeOrganisationDetails(accessToken, agencyId, organisationId, detailsOf(form), versionSent(form)), 'details');
  if (intent === 'engagement') {
    const body = engagementOf(form);
    const recorded = await recordEngagement(accessToken, agencyId, organisationId, body);
    if (!recorded.ok) return data<FormRefusal>({ intent, refusal: recorded.refusal, values: valuesOf(form) }, { status: 422 });
    const shown = async () => (await engagements(accessToken, agencyId, organisationId)).some((e) => e.activityId === body.activityId);
    await untilVisible(shown);
    return redirect(`/${params.lang}/organisations/${organisationId}?done=engagement`, 303);
  }
  if (intent === 'matching') return answer(await appointByMatching(accessToken, agencyId, organisationId), 'matched');
  if (intent === 'agreement') {
    const termUntil = text(form, 'termUntil');
    const body = {
      tasks: list(form, 'tasks'),
      powers: list(form, 'powers'),
      recorded: list(form, 'recorded'),
      termFrom: text(form, 'termFrom'),
      ...(termUntil ? { termUntil } : {}),
      reportsToOrganisation: text(form, 'reportsToOrganisation'),
      signedOn: text(form, 'signedOn'),
    } as AgreementBody;
    return answer(await versionAgreement(accessToken, agencyId, organisationId, body), 'agreement');
  }
  throw data(null, { status: 400 });
}

export default function OrganisationPage({ loaderData, actionData: answer, params }: Route.ComponentProps) {
  const actionData = useAnswerOnceRead(answer);
  const { intl, day, moment, label } = useFormat();
  const { org, names, eligible, today } = loaderData;
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id: `coordinator.organisation.${id}` }, values);
  const who = (id: string | null) => nameOf(names, id);
  const name = org.name ?? intl.formatMessage({ id: 'coordinator.erasedName' });
  const action = `/${params.lang}/organisations/${org.organisationId}`;
  const latest = org.agreements.at(-1);
  const choose = [{ value: '', label: t('chooseCounsellor') }, ...eligible];
  return (
    <main id="content" className="portal-page" tabIndex={-1}>
      <PageTitle title={actionData ? `${intl.formatMessage({ id: 'coordinator.errorTitle' })}: ${name}` : name} />
      <h1 className="utrecht-heading-1">{name}</h1>
      {loaderData.done ? (
        <Notice>
          {(DONE as readonly string[]).includes(loaderData.done)
            ? t(`done.${loaderData.done}`)
            : intl.formatMessage({ id: `administration.organisation.done.${loaderData.done}` })}
        </Notice>
      ) : null}
      <dl className="portal-details" data-testid="organisation-details">
        <Item term={t('intakeCode')}>
          <span dir="ltr">{org.intakeCode}</span>
        </Item>
        <Item term={t('kvkNumber')}>
          <span dir="ltr">{org.kvkNumber}</span>
        </Item>
        {org.vatId ? (
          <Item term={t('vatId')}>
            <span dir="ltr">{org.vatId}</span>
          </Item>
        ) : null}
        <Item term={t('sbiCode')}>
          <span dir="ltr">{org.sbiCode}</span>
        </Item>
        <Item term={t('regions')}>{org.regions.map((r) => label('coordinator.region', r)).join(', ')}</Item>
        <Item term={t('languages')}>{org.languages.map((l) => label('coordinator.language', l)).join(', ')}</Item>
        <Item term={t('obligations')}>
          {[org.wbkObliged ? t('wbkObliged') : t('wbkNotObliged'), org.pendingBillObliged ? t('billObliged') : t('billNotObliged')].join(
            ' ',
          )}
        </Item>
      </dl>

      <OrganisationDetailsForm org={org} action={action} refused={actionData} />

      <section className="portal-section" aria-labelledby="headcount">
        <h2 className="utrecht-heading-2" id="headcount">
          {t('headcount')}
        </h2>
        <p className="utrecht-paragraph" data-testid="headcount-now">
          {t('headcountNow', { headcount: intl.formatNumber(org.headcount), from: day(org.headcountFrom) })}
        </p>
        {org.headcountHistory.length > 1 ? (
          <ul className="portal-list">
            {org.headcountHistory.map((h) => (
              <li key={h.from}>{t('headcountFrom', { headcount: intl.formatNumber(h.headcount), from: day(h.from) })}</li>
            ))}
          </ul>
        ) : null}
        <Form method="post" action={action} className="portal-form">
          <input type="hidden" name="intent" value="headcount" />
          <RefusalSummary refused={actionData} intent="headcount" labels={{ headcount: t('newHeadcount'), from: t('headcountFromDay') }} />
          <Field intent="headcount" name="headcount" label={t('newHeadcount')} refused={actionData} type="number" required />
          <Field
            intent="headcount"
            name="from"
            label={t('headcountFromDay')}
            refused={actionData}
            type="date"
            defaultValue={today}
            required
          />
          <button type="submit" className="utrecht-button utrecht-button--secondary-action">
            {t('changeHeadcount')}
          </button>
        </Form>
      </section>

      <section className="portal-section" aria-labelledby="appointment">
        <h2 className="utrecht-heading-2" id="appointment">
          {t('appointment')}
        </h2>
        <dl className="portal-details" data-testid="appointment">
          <Item term={t('primary')}>{who(org.primaryCounsellorId)}</Item>
          <Item term={t('substitute')}>{who(org.substituteCounsellorId)}</Item>
          {org.internalCounsellorIds.length > 0 ? <Item term={t('internal')}>{org.internalCounsellorIds.map(who).join(', ')}</Item> : null}
        </dl>
        {org.appointmentHistory.length > 0 ? (
          <ul className="portal-list">
            {org.appointmentHistory.map((a, i) => (
              <li key={i}>
                {t('appointedBy', {
                  primary: who(a.primaryId),
                  substitute: who(a.substituteId),
                  by: label('coordinator.appointedBy', a.appointedBy),
                  date: moment(a.appointedAt),
                })}
              </li>
            ))}
          </ul>
        ) : null}
        <h3 className="utrecht-heading-3">{t('letMatchingChoose')}</h3>
        <p className="utrecht-paragraph">{t('letMatchingChooseHint')}</p>
        <Form method="post" action={action} className="portal-form">
          <input type="hidden" name="intent" value="matching" />
          <RefusalSummary refused={actionData} intent="matching" labels={{}} />
          <button type="submit" className="utrecht-button utrecht-button--secondary-action">
            {t('letMatchingChooseSubmit')}
          </button>
        </Form>
        <h3 className="utrecht-heading-3">{t('appointByHand')}</h3>
        <Form method="post" action={action} className="portal-form">
          <input type="hidden" name="intent" value="appoint" />
          <RefusalSummary
            refused={actionData}
            intent="appoint"
            labels={{ primaryId: t('primary'), substituteId: t('substitute'), internalIds: t('internal') }}
          />
          <Select
            intent="appoint"
            name="primaryId"
            label={t('primary')}
            options={choose}
            refused={actionData}
            defaultValue={org.primaryCounsellorId ?? ''}
          />
          <Select
            intent="appoint"
            name="substituteId"
            label={t('substitute')}
            options={choose}
            refused={actionData}
            defaultValue={org.substituteCounsellorId ?? ''}
          />
          <button type="submit" className="utrecht-button utrecht-button--secondary-action">
            {t('appointSubmit')}
          </button>
        </Form>
      </section>

      <section className="portal-section" aria-labelledby="agreement">
        <h2 className="utrecht-heading-2" id="agreement">
          {t('agreement')}
        </h2>
        {latest ? (
          <dl className="portal-details" data-testid="agreement">
            <Item term={t('agreementVersion')}>
              {t('agreementVersionText', { version: latest.version, date: moment(latest.versionedAt) })}
            </Item>
            <Item term={t('tasks')}>{(latest.agreement.tasks ?? []).map((v) => label('coordinator.task', v)).join(', ')}</Item>
            <Item term={t('powers')}>{(latest.agreement.powers ?? []).map((v) => label('coordinator.power', v)).join(', ') || '–'}</Item>
            <Item term={t('recorded')}>
              {(latest.agreement.recorded ?? []).map((v) => label('coordinator.record', v)).join(', ') || '–'}
            </Item>
            <Item term={t('term')}>
              {latest.agreement.termUntil
                ? t('termFromUntil', { from: day(latest.agreement.termFrom ?? ''), until: day(latest.agreement.termUntil) })
                : t('termFromOn', { from: day(latest.agreement.termFrom ?? '') })}
            </Item>
            <Item term={t('reportsToOrganisation')}>{label('coordinator.frequency', latest.agreement.reportsToOrganisation ?? '')}</Item>
            <Item term={t('signedOn')}>{latest.agreement.signedOn ? day(latest.agreement.signedOn) : '–'}</Item>
          </dl>
        ) : (
          <p className="utrecht-paragraph">{t('noAgreement')}</p>
        )}
        <Form method="post" action={action} className="portal-form">
          <input type="hidden" name="intent" value="agreement" />
          <RefusalSummary
            refused={actionData}
            intent="agreement"
            labels={Object.fromEntries(
              ['tasks', 'powers', 'recorded', 'termFrom', 'termUntil', 'reportsToOrganisation', 'signedOn'].map((f) => [f, t(f)]),
            )}
          />
          <Choices
            intent="agreement"
            name="tasks"
            legend={t('tasks')}
            options={AGREEMENT_TASKS.map((v) => ({ value: v, label: label('coordinator.task', v) }))}
            refused={actionData}
            defaultValue={latest?.agreement.tasks}
          />
          <Choices
            intent="agreement"
            name="powers"
            legend={t('powers')}
            options={AGREEMENT_POWERS.map((v) => ({ value: v, label: label('coordinator.power', v) }))}
            refused={actionData}
            defaultValue={latest?.agreement.powers}
          />
          <Choices
            intent="agreement"
            name="recorded"
            legend={t('recorded')}
            options={AGREEMENT_RECORDS.map((v) => ({ value: v, label: label('coordinator.record', v) }))}
            refused={actionData}
            defaultValue={latest?.agreement.recorded}
          />
          <Field intent="agreement" name="termFrom" label={t('termFrom')} type="date" refused={actionData} defaultValue={today} required />
          <Field intent="agreement" name="termUntil" label={`${t('termUntil')} (${t('optional')})`} type="date" refused={actionData} />
          <Select
            intent="agreement"
            name="reportsToOrganisation"
            label={t('reportsToOrganisation')}
            options={REPORT_FREQUENCIES.map((v) => ({ value: v, label: label('coordinator.frequency', v) }))}
            refused={actionData}
            defaultValue={latest?.agreement.reportsToOrganisation ?? 'annual'}
          />
          <Field intent="agreement" name="signedOn" label={t('signedOn')} type="date" refused={actionData} defaultValue={today} required />
          <button type="submit" className="utrecht-button utrecht-button--secondary-action">
            {t('agreementSubmit')}
          </button>
        </Form>
      </section>

      <OrganisationEngagements
        engagements={loaderData.engagements}
        names={names}
        counsellors={eligible}
        primaryId={org.primaryCounsellorId}
        activityId={loaderData.activityId}
        today={today}
        action={action}
        refused={actionData}
      />
    </main>
  );
}

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
