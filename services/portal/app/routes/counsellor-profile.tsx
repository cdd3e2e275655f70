import { data, Form, Link, redirect } from 'react-router';
import { changeProfile } from '../api/administration.server';
import { counsellor, organisations } from '../api/matching.server';
import { idParam, untilVisible } from '../api/problem.server';
import { requireUser } from '../auth/user.server';
import { pageLanguage } from '../i18n/languages';
import { ProfileFields, useProfileLabels } from '../ui/administration/counsellor-fields';
import { profileOf } from '../ui/administration/counsellor-values';
import { RefusalSummary, valuesOf, type FormRefusal } from '../ui/coordinator-form';
import { PageTitle, useFormat } from '../ui/format';
import type { Route } from './+types/counsellor-profile';

/**
 * Changing a counsellor's profile (matching `PUT …/counsellors/:id/profile`): the whole profile, shown as it is now.
 * Another agency's counsellor: 404 from matching, nothing shown.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  pageLanguage(params.lang);
  const { accessToken, user } = await requireUser(request, 'counsellors');
  if (!user.agencyId) throw data(null, { status: 403 });
  const person = await counsellor(accessToken, user.agencyId, idParam(params.counsellorId));
  const orgs = await organisations(accessToken, user.agencyId);
  return { person, organisations: orgs.map((o) => ({ value: o.organisationId, label: o.name ?? o.intakeCode })) };
}

export async function action({ request, params }: Route.ActionArgs) {
  pageLanguage(params.lang);
  const { accessToken, user } = await requireUser(request, 'counsellors');
  const agencyId = user.agencyId;
  if (!agencyId) throw data(null, { status: 403 });
  const counsellorId = idParam(params.counsellorId);
  const before = (await counsellor(accessToken, agencyId, counsellorId)).version;
  const form = await request.formData();
  const outcome = await changeProfile(accessToken, agencyId, counsellorId, profileOf(form));
  if (outcome.ok) {
    await untilVisible(async () => (await counsellor(accessToken, agencyId, counsellorId)).version > before);
    return redirect(`/${params.lang}/counsellors/${counsellorId}?done=profile`, 303);
  }
  return data<FormRefusal>({ intent: 'profile', refusal: outcome.refusal, values: valuesOf(form) }, { status: 422 });
}

export default function CounsellorProfile({ loaderData, actionData, params }: Route.ComponentProps) {
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
