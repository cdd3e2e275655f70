import type { ReactNode } from 'react';
import { data, Form, Link, redirect } from 'react-router';
import { amsterdamToday } from '@vertrouwd/domain';
import { cancelAbsence, counsellor, counsellors, organisations, recordAbsence, type AbsenceBody } from '../api/matching.server';
import { declareConflict, withdrawConflict } from '../api/administration.server';
import { requireUser } from '../auth/user.server';
import { pageLanguage } from '../i18n/languages';
import { idParam, untilVisible } from '../api/problem.server';
import { Field, nameOf, Notice, RefusalSummary, Select, text, valuesOf, type FormRefusal } from '../ui/coordinator-form';
import { PageTitle, useFormat } from '../ui/format';
import type { Route } from './+types/counsellor';

const DONE = ['absence-added', 'absence-removed'] as const;
// The administration screens' steps (their notices are in app/i18n/messages/administration).
const ADMINISTRATION_DONE = ['onboarded', 'profile', 'deactivated', 'reactivated', 'conflict-declared', 'conflict-withdrawn'] as const;
type DoneStep = (typeof DONE)[number] | (typeof ADMINISTRATION_DONE)[number];

/**
 * A counsellor of the agency: profile, load, the organisations' conflicts they declared, and their absences with a
 * stand-in, which the coordinator adds and removes (matching leaves an absent counsellor out of a case's window).
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  pageLanguage(params.lang);
  const { accessToken, user } = await requireUser(request, 'counsellors');
  if (!user.agencyId) throw data(null, { status: 403 });
  const person = await counsellor(accessToken, user.agencyId, idParam(params.counsellorId));
  const [people, orgs] = await Promise.all([counsellors(accessToken, user.agencyId), organisations(accessToken, user.agencyId)]);
  const done = new URL(request.url).searchParams.get('done');
  return {
    person,
    names: Object.fromEntries(people.map((c) => [c.counsellorId, c.name ?? c.username])),
    organisationNames: Object.fromEntries(orgs.map((o) => [o.organisationId, o.name ?? o.intakeCode])),
    standIns: people
      .filter((c) => c.status === 'active' && c.counsellorId !== person.counsellorId)
      .map((c) => ({ value: c.counsellorId, label: c.name ?? c.username })),
    today: amsterdamToday(),
    // The picker offers the organisations the counsellor has declared no conflict with yet.
    organisations: orgs
      .filter((o) => !person.conflicts.some((k) => k.organisationId === o.organisationId))
      .map((o) => ({ value: o.organisationId, label: o.name ?? o.intakeCode })),
    reviewBy: amsterdamToday(365),
    done: ([...DONE, ...ADMINISTRATION_DONE] as readonly string[]).includes(done ?? '') ? (done as DoneStep) : undefined,
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  pageLanguage(params.lang);
  const { accessToken, user } = await requireUser(request, 'counsellors');
  if (!user.agencyId) throw data(null, { status: 403 });
  const form = await request.formData();
  const intent = text(form, 'intent');
  const agencyId = user.agencyId;
  const counsellorId = idParam(params.counsellorId);
  const back = (done: DoneStep) => redirect(`/${params.lang}/counsellors/${counsellorId}?done=${done}`, 303);
  const absent = async (absenceId: string) =>
    (await counsellor(accessToken, agencyId, counsellorId)).absences.some((a) => a.absenceId === absenceId);
  const declared = async (conflictId: string) =>
    (await counsellor(accessToken, agencyId, counsellorId)).conflicts.some((k) => k.conflictId === conflictId);
  if (intent === 'add-absence') {
    const substituteId = text(form, 'substituteId');
    const body: AbsenceBody = { from: text(form, 'from'), until: text(form, 'until'), ...(substituteId ? { substituteId } : {}) };
    const outcome = await recordAbsence(accessToken, agencyId, counsellorId, body);
    if (outcome.ok) {
      await untilVisible(() => absent(outcome.body.absenceId));
      return back('absence-added');
    }
    return data<FormRefusal>({ intent, refusal: outcome.refusal, values: valuesOf(form) }, { status: 422 });
  }
  if (intent === 'remove-absence') {
    const absenceId = text(form, 'absenceId');
    const outcome = await cancelAbsence(accessToken, agencyId, counsellorId, absenceId);
    if (outcome.ok) {
      await untilVisible(async () => !(await absent(absenceId)));
      return back('absence-removed');
    }
    return data<FormRefusal>({ intent, refusal: outcome.refusal, values: valuesOf(form) }, { status: 422 });
  }
  if (intent === 'declare-conflict') {
    const reviewBy = text(form, 'reviewBy');
    const body = { organisationId: text(form, 'organisationId'), ...(reviewBy ? { reviewBy } : {}) };
    const outcome = await declareConflict(accessToken, agencyId, counsellorId, body);
    if (outcome.ok) {
      await untilVisible(async () => declared(outcome.body.conflictId));
      return back('conflict-declared');
    }
    return data<FormRefusal>({ intent, refusal: outcome.refusal, values: valuesOf(form) }, { status: 422 });
  }
  if (intent === 'withdraw-conflict') {
    const conflictId = text(form, 'conflictId');
    const outcome = await withdrawConflict(accessToken, agencyId, counsellorId, conflictId);
    if (outcome.ok) {
      await untilVisible(async () => !(await declared(conflictId)));
      return back('conflict-withdrawn');
    }
    return data<FormRefusal>({ intent, refusal: outcome.refusal, values: valuesOf(form) }, { status: 422 });
  }
  throw data(null, { status: 400 });
}

export default function CounsellorPage({ loaderData, actionData, params }: Route.ComponentProps) {
  const { intl, day, label } = useFormat();
  const { person: c, names, organisationNames } = loaderData;
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id: `coordinator.counsellor.${id}` }, values);
  const a = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id: `administration.counsellor.${id}` }, values);
  const name = c.name ?? c.username;
  const action = `/${params.lang}/counsellors/${c.counsellorId}`;
  return (
    <main id="content" className="portal-page" tabIndex={-1}>
      <PageTitle title={actionData ? `${intl.formatMessage({ id: 'coordinator.errorTitle' })}: ${name}` : name} />
      <h1 className="utrecht-heading-1">{name}</h1>
      {loaderData.done ? (
        <Notice>
          {(DONE as readonly string[]).includes(loaderData.done)
            ? t(`done.${loaderData.done}`)
            : intl.formatMessage({ id: `administration.counsellor.done.${loaderData.done}` })}
        </Notice>
      ) : null}
      <dl className="portal-details">
        <Item term={t('username')}>
          <span dir="ltr">{c.username}</span>
        </Item>
        <Item term={t('status')}>{label('coordinator.counsellorStatus', c.status)}</Item>
        <Item term={t('kind')}>
          {label('coordinator.counsellorKind', c.kind)}
          {c.organisationId ? ` (${organisationNames[c.organisationId] ?? '–'})` : ''}
        </Item>
        <Item term={t('roles')}>{c.roles.map((r) => label('coordinator.role', r)).join(', ')}</Item>
        <Item term={t('languages')}>{c.languages.map((l) => label('coordinator.language', l)).join(', ')}</Item>
        <Item term={t('gender')}>{label('coordinator.gender', c.gender)}</Item>
        <Item term={t('regions')}>{c.regions.map((r) => label('coordinator.region', r)).join(', ') || '–'}</Item>
        <Item term={t('specialisms')}>{c.specialisms.map((s) => label('coordinator.specialism', s)).join(', ') || '–'}</Item>
        <Item term={t('capacity')}>{t('capacityText', { open: c.openCases, cases: c.capacityCases, hours: c.capacityHoursPerWeek })}</Item>
        {c.introduction ? (
          <Item term={a('introduction')}>
            <span dir="auto">{c.introduction}</span>
          </Item>
        ) : null}
      </dl>
      {/* Matching changes nothing of a counsellor who has left but bringing them back. */}
      {c.status === 'inactive' ? (
        <ul className="portal-inline-list portal-actions">
          <li>
            <Link className="utrecht-link" to={`${action}/reactivation`}>
              {a('reactivate', { name })}
            </Link>
          </li>
        </ul>
      ) : null}
      {c.status === 'active' ? (
        <ul className="portal-inline-list portal-actions">
          <li>
            <Link className="utrecht-link" to={`${action}/profile`}>
              {a('changeProfile')}
            </Link>
          </li>
          <li>
            <Link className="utrecht-link" to={`${action}/deactivation`}>
              {a('deactivate', { name })}
            </Link>
          </li>
        </ul>
      ) : null}

      <section className="portal-section" aria-labelledby="absences">
        <h2 className="utrecht-heading-2" id="absences">
          {t('absences')}
        </h2>
        {c.absences.length === 0 ? (
          <p className="utrecht-paragraph">{t('noAbsences')}</p>
        ) : (
          <ul className="portal-list" data-testid="absences">
            {c.absences.map((a) => (
              <li key={a.absenceId} className="portal-absence">
                <span>
                  {t('absence', { from: day(a.from), until: day(a.until) })}
                  {a.substituteId ? ` ${t('standIn', { name: nameOf(names, a.substituteId) })}` : ''}
                </span>{' '}
                <Form method="post" action={action} className="portal-inline-form">
                  <input type="hidden" name="intent" value="remove-absence" />
                  <input type="hidden" name="absenceId" value={a.absenceId} />
                  <button type="submit" className="utrecht-button utrecht-button--subtle">
                    {t('removeAbsence', { from: day(a.from), until: day(a.until) })}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
        <RefusalSummary refused={actionData} intent="remove-absence" labels={{}} />
        <h3 className="utrecht-heading-3">{t('addAbsence')}</h3>
        <Form method="post" action={action} className="portal-form">
          <input type="hidden" name="intent" value="add-absence" />
          <RefusalSummary
            refused={actionData}
            intent="add-absence"
            labels={{ from: t('from'), until: t('until'), substituteId: t('standInLabel') }}
          />
          <Field
            intent="add-absence"
            name="from"
            label={t('from')}
            type="date"
            refused={actionData}
            defaultValue={loaderData.today}
            required
          />
          <Field
            intent="add-absence"
            name="until"
            label={t('until')}
            type="date"
            refused={actionData}
            defaultValue={loaderData.today}
            required
          />
          <Select
            intent="add-absence"
            name="substituteId"
            label={`${t('standInLabel')} (${t('optional')})`}
            options={[{ value: '', label: t('noStandIn') }, ...loaderData.standIns]}
            refused={actionData}
          />
          <button type="submit" className="utrecht-button utrecht-button--secondary-action">
            {t('addAbsenceSubmit')}
          </button>
        </Form>
      </section>

      <section className="portal-section" aria-labelledby="conflicts">
        <h2 className="utrecht-heading-2" id="conflicts">
          {t('conflicts')}
        </h2>
        {c.conflicts.length === 0 ? (
          <p className="utrecht-paragraph">{t('noConflicts')}</p>
        ) : (
          <ul className="portal-list" data-testid="conflicts">
            {c.conflicts.map((k) => {
              const withWhom = k.organisationId ? (organisationNames[k.organisationId] ?? '–') : a('conflictPeopleInCase');
              return (
                <li key={k.conflictId} className="portal-absence">
                  <span>
                    {k.organisationId
                      ? t('conflictOrganisation', { name: withWhom, review: day(k.reviewBy) })
                      : t('conflictCase', { review: day(k.reviewBy) })}
                  </span>{' '}
                  <Form method="post" action={action} className="portal-inline-form">
                    <input type="hidden" name="intent" value="withdraw-conflict" />
                    <input type="hidden" name="conflictId" value={k.conflictId} />
                    <button type="submit" className="utrecht-button utrecht-button--subtle">
                      {a('withdrawConflict', { name: withWhom })}
                    </button>
                  </Form>
                </li>
              );
            })}
          </ul>
        )}
        <RefusalSummary refused={actionData} intent="withdraw-conflict" labels={{}} />
        <h3 className="utrecht-heading-3">{a('declareConflict')}</h3>
        <p className="utrecht-paragraph">{a('declareConflictHint')}</p>
        <Form method="post" action={action} className="portal-form">
          <input type="hidden" name="intent" value="declare-conflict" />
          <RefusalSummary
            refused={actionData}
            intent="declare-conflict"
            labels={{ organisationId: a('conflictOrganisation'), reviewBy: a('reviewBy') }}
          />
          <Select
            intent="declare-conflict"
            name="organisationId"
            label={a('conflictOrganisation')}
            options={[{ value: '', label: a('chooseOrganisation') }, ...loaderData.organisations]}
            refused={actionData}
          />
          <Field
            intent="declare-conflict"
            name="reviewBy"
            label={a('reviewBy')}
            hint={a('reviewByHint')}
            type="date"
            refused={actionData}
            defaultValue={loaderData.reviewBy}
            required
          />
          <button type="submit" className="utrecht-button utrecht-button--secondary-action">
            {a('declareConflictSubmit')}
          </button>
        </Form>
      </section>
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
