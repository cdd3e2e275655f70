import { data, Form, Link, redirect } from 'react-router';
import { changeProfile } from '../api/administration.server';
import { counsellor, organisations } from '../api/matching.server';
import { idParam, untilVisible } from '../api/problem.server';
import { requireUser } from '../auth/user.server';
import { pageLanguage } from '../i18n/languages';
import { ProfileFields, useProfileLabels } from '../ui/administration/counsellor-fields';
import { profileOf } from '../ui/administration/counsellor-values';
import { isStale, revalidateWhenStale, useAnswerOnceRead, VersionField, versionSent } from '../ui/concurrency';
import { RefusalSummary, valuesOf, type FormRefusal } from '../ui/coordinator-form';
import { PageTitle, useFormat } from '../ui/format';
import type { Route } from './+types/counsellor-profile';

/**
 * Changing a counsellor's profile (matching `PUT …/counsellors/:id/profile`): the whole profile, shown as it is now,
 * saved only onto the version the form was opened at (If-Match): when another coordinator saved it meanwhile, the
 * form comes back with what was typed and the current version beside it. Another agency's counsellor: 404 from
 * matching, nothing shown.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  pageLanguage(params.lang);
  const { accessToken, user } = await requireUser(request, 'counsellors');
  if (!user.agencyId) throw data(null, { status: 403 });
  const person = await counsellor(accessToken, user.agencyId, idParam(params.counsellorId));
  const orgs = await organisations(accessToken, user.agencyId);
  return { person, organisations: orgs.map((o) => ({ value: o.organisationId, label: o.name ?? o.intakeCode })) };
}

export const shouldRevalidate = revalidateWhenStale;

export async function action({ request, params }: Route.ActionArgs) {
  pageLanguage(params.lang);
  const { accessToken, user } = await requireUser(request, 'counsellors');
  const agencyId = user.agencyId;
  if (!agencyId) throw data(null, { status: 403 });
  const counsellorId = idParam(params.counsellorId);
  const before = (await counsellor(accessToken, agencyId, counsellorId)).version;
  const form = await request.formData();
  const outcome = await changeProfile(accessToken, agencyId, counsellorId, profileOf(form), versionSent(form));
  if (outcome.ok) {
    await untilVisible(async () => (await counsellor(accessToken, agencyId, counsellorId)).version > before);
    return redirect(`/${params.lang}/counsellors/${counsellorId}?done=profile`, 303);
  }
  const status = outcome.refusal.status === 412 ? 409 : 422;
  return data<FormRefusal>({ intent: 'profile', refusal: outcome.refusal, values: valuesOf(form) }, { status });
}

export default function CounsellorProfile({ loaderData, actionData: answer, params }: Route.ComponentProps) {
  const actionData = useAnswerOnceRead(answer);
  const { intl } = useFormat();
  const { person: c } = loaderData;
  const name = c.name ?? c.username;
  const title = intl.formatMessage({ id: 'administration.profile.title' }, { name });
  const page = `/${params.lang}/counsellors/${c.counsellorId}`;
  const labels = useProfileLabels(false);
  return (
    <main id="content" className="portal-page" tabIndex={-1}>
      <PageTitle title={actionData ? `${intl.formatMessage({ id: 'coordinator.errorTitle' })}: ${title}` : title} />
      <h1 className="utrecht-heading-1">{title}</h1>
      {c.status === 'inactive' ? (
        <p className="utrecht-paragraph">{intl.formatMessage({ id: 'administration.deactivation.already' }, { name })}</p>
      ) : (
        <>
          <p className="utrecht-paragraph">{intl.formatMessage({ id: 'administration.profile.intro' })}</p>
          <Form method="post" action={`${page}/profile`} className="portal-form">
            <RefusalSummary refused={actionData} intent="profile" labels={labels} />
            {isStale(actionData, 'profile') ? <CurrentProfile person={c} labels={labels} /> : null}
            <VersionField version={c.version} />
            <ProfileFields intent="profile" refused={actionData} organisations={loaderData.organisations} defaults={c} />
            <button type="submit" className="utrecht-button utrecht-button--primary-action">
              {intl.formatMessage({ id: 'administration.profile.submit' })}
            </button>
          </Form>
        </>
      )}
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={page}>
          {intl.formatMessage({ id: 'administration.backTo' }, { name })}
        </Link>
      </p>
    </main>
  );
}

/** The profile as saved now, beside the form that still shows what was typed: the user reapplies their change. */
function CurrentProfile({ person, labels }: { person: Route.ComponentProps['loaderData']['person']; labels: Record<string, string> }) {
  const { intl, label } = useFormat();
  const listed = (prefix: string, values: string[]) => values.map((v) => label(prefix, v)).join(', ');
  const rows: [string, string][] = [
    ['name', person.name ?? ''],
    ['introduction', person.introduction ?? ''],
    ['roles', listed('coordinator.role', person.roles)],
    ['languages', listed('coordinator.language', person.languages)],
    ['regions', listed('coordinator.region', person.regions)],
    ['specialisms', listed('coordinator.specialism', person.specialisms)],
    ['capacityCases', String(person.capacityCases)],
    ['capacityHoursPerWeek', String(person.capacityHoursPerWeek)],
  ];
  return (
    <section className="portal-section" aria-labelledby="current-version" data-testid="current-version">
      <h2 className="utrecht-heading-2" id="current-version">
        {intl.formatMessage({ id: 'concurrency.current' })}
      </h2>
      <dl className="portal-details">
        {rows.map(([name, value]) => (
          <div key={name}>
            <dt>{labels[name]}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
