import { data, Form, redirect } from 'react-router';
import { onboardCounsellor } from '../api/administration.server';
import { counsellor, organisations } from '../api/matching.server';
import { untilVisible } from '../api/problem.server';
import { requireUser } from '../auth/user.server';
import { pageLanguage } from '../i18n/languages';
import { ProfileFields, useProfileLabels } from '../ui/administration/counsellor-fields';
import { onboardingOf } from '../ui/administration/counsellor-values';
import { Field, RefusalSummary, text, valuesOf, type FormRefusal } from '../ui/coordinator-form';
import { PageTitle, useFormat } from '../ui/format';
import type { Route } from './+types/counsellor-new';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Onboarding a counsellor (matching `POST …/counsellors`): their public profile and the account the service makes
 * for them at the identity provider. The id is chosen here and sent with the form, so a form posted twice onboards
 * one counsellor (matching answers 409 the second time).
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  pageLanguage(params.lang);
  const { accessToken, user } = await requireUser(request, 'counsellors');
  if (!user.agencyId) throw data(null, { status: 403 });
  const orgs = await organisations(accessToken, user.agencyId);
  return {
    counsellorId: crypto.randomUUID(),
    organisations: orgs.map((o) => ({ value: o.organisationId, label: o.name ?? o.intakeCode })),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  pageLanguage(params.lang);
  const { accessToken, user } = await requireUser(request, 'counsellors');
  const agencyId = user.agencyId;
  if (!agencyId) throw data(null, { status: 403 });
  const form = await request.formData();
  const counsellorId = text(form, 'counsellorId');
  if (!UUID.test(counsellorId)) throw data(null, { status: 400 });
  const outcome = await onboardCounsellor(accessToken, agencyId, onboardingOf(form, counsellorId));
  if (outcome.ok) {
    await untilVisible(async () => (await counsellor(accessToken, agencyId, counsellorId)).counsellorId === counsellorId);
    return redirect(`/${params.lang}/counsellors/${counsellorId}?done=onboarded`, 303);
  }
  return data<FormRefusal>({ intent: 'onboard', refusal: outcome.refusal, values: valuesOf(form) }, { status: 422 });
}

export default function CounsellorNew({ loaderData, actionData, params }: Route.ComponentProps) {
  const { intl } = useFormat();
  const t = (id: string) => intl.formatMessage({ id: `administration.${id}` });
  const title = t('onboarding.title');
  // After a refusal the same id goes back with the form: the counsellor is still the one being onboarded.
  const counsellorId =
    actionData?.intent === 'onboard' && typeof actionData.values.counsellorId === 'string'
      ? actionData.values.counsellorId
      : loaderData.counsellorId;
  return (
    <main id="content" className="portal-page" tabIndex={-1}>
      <PageTitle title={actionData ? `${intl.formatMessage({ id: 'coordinator.errorTitle' })}: ${title}` : title} />
      <h1 className="utrecht-heading-1">{title}</h1>
      <p className="utrecht-paragraph">{t('onboarding.intro')}</p>
      <Form method="post" action={`/${params.lang}/counsellors/new`} className="portal-form">
        <input type="hidden" name="counsellorId" value={counsellorId} />
        <RefusalSummary refused={actionData} intent="onboard" labels={useProfileLabels(true)} area="onboarding" />
        <Field
          intent="onboard"
          name="username"
          label={t('counsellor.username')}
          hint={t('counsellor.usernameHint')}
          refused={actionData}
          required
          ltr
        />
        <Field
          intent="onboard"
          name="email"
          label={t('counsellor.email')}
          hint={t('counsellor.emailHint')}
          type="email"
          refused={actionData}
          required
          ltr
        />
        <ProfileFields
          intent="onboard"
          refused={actionData}
          organisations={loaderData.organisations}
          defaults={{ kind: 'external', roles: [], languages: ['nl'], regions: [], specialisms: [] }}
        />
        <button type="submit" className="utrecht-button utrecht-button--primary-action">
          {t('onboarding.submit')}
        </button>
      </Form>
    </main>
  );
}
