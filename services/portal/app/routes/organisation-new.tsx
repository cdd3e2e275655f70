import { FormattedMessage } from 'react-intl';
import { data, Form, redirect } from 'react-router';
import { organisation, registerOrganisation, type OrganisationBody } from '../api/matching.server';
import { untilVisible } from '../api/problem.server';
import { requireUser } from '../auth/user.server';
import { pageLanguage } from '../i18n/languages';
import { Choices, Field, list, RefusalSummary, text, valuesOf, whole, type FormRefusal } from '../ui/coordinator-form';
import { REGIONS, WORKFORCE_LANGUAGES } from '../ui/directory-values';
import { PageTitle, useFormat } from '../ui/format';
import type { Route } from './+types/organisation-new';

/**
 * Onboarding a client organisation, step 1: its details and headcount (matching `POST …/organisations`). The
 * organisation's page then takes the next steps: who serves it (by hand or chosen by matching) and the agreement.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  pageLanguage(params.lang);
  const { user } = await requireUser(request, 'organisations');
  if (!user.agencyId) throw data(null, { status: 403 });
  return {};
}

export async function action({ request, params }: Route.ActionArgs) {
  pageLanguage(params.lang);
  const { accessToken, user } = await requireUser(request, 'organisations');
  if (!user.agencyId) throw data(null, { status: 403 });
  const form = await request.formData();
  const vatId = text(form, 'vatId');
  const body = {
    name: text(form, 'name'),
    intakeCode: text(form, 'intakeCode'),
    kvkNumber: text(form, 'kvkNumber'),
    ...(vatId ? { vatId } : {}),
    sbiCode: text(form, 'sbiCode'),
    regions: list(form, 'regions'),
    languages: list(form, 'languages'),
    headcount: whole(form, 'headcount'),
  } as OrganisationBody;
  // Unchecked by the portal beyond its shape: the service validates and names each field it refuses.
  const outcome = await registerOrganisation(accessToken, user.agencyId, body);
  if (outcome.ok) {
    const { organisationId } = outcome.body;
    await untilVisible(async () => (await organisation(accessToken, user.agencyId!, organisationId)).organisationId === organisationId);
    return redirect(`/${params.lang}/organisations/${organisationId}?done=registered`, 303);
  }
  return data<FormRefusal>({ intent: 'register', refusal: outcome.refusal, values: valuesOf(form) }, { status: 422 });
}

export default function OrganisationNew({ actionData, params }: Route.ComponentProps) {
  const { intl, label } = useFormat();
  const t = (id: string) => intl.formatMessage({ id: `coordinator.organisation.${id}` });
  const title = intl.formatMessage({ id: 'coordinator.onboarding.title' });
  const labels = Object.fromEntries(
    ['name', 'intakeCode', 'kvkNumber', 'vatId', 'sbiCode', 'regions', 'languages', 'headcount'].map((f) => [f, t(f)]),
  );
  return (
    <main id="content" className="portal-page" tabIndex={-1}>
      <PageTitle title={actionData ? `${intl.formatMessage({ id: 'coordinator.errorTitle' })}: ${title}` : title} />
      <h1 className="utrecht-heading-1">{title}</h1>
      <p className="utrecht-paragraph">
        <FormattedMessage id="coordinator.onboarding.intro" />
      </p>
      <Form method="post" action={`/${params.lang}/organisations/new`} className="portal-form">
        <RefusalSummary refused={actionData} intent="register" labels={labels} />
        <Field intent="register" name="name" label={t('name')} refused={actionData} required />
        <Field intent="register" name="intakeCode" label={t('intakeCode')} hint={t('intakeCodeHint')} refused={actionData} required ltr />
        <Field
          intent="register"
          name="kvkNumber"
          label={t('kvkNumber')}
          hint={t('kvkNumberHint')}
          refused={actionData}
          required
          ltr
          inputMode="numeric"
        />
        <Field intent="register" name="vatId" label={`${t('vatId')} (${t('optional')})`} hint={t('vatIdHint')} refused={actionData} ltr />
        <Field
          intent="register"
          name="sbiCode"
          label={t('sbiCode')}
          hint={t('sbiCodeHint')}
          refused={actionData}
          required
          ltr
          inputMode="numeric"
        />
        <Field
          intent="register"
          name="headcount"
          label={t('headcount')}
          hint={t('headcountHint')}
          refused={actionData}
          required
          type="number"
        />
        <Choices
          intent="register"
          name="regions"
          legend={t('regions')}
          hint={t('regionsHint')}
          options={REGIONS.map((r) => ({ value: r, label: label('coordinator.region', r) }))}
          refused={actionData}
        />
        <Choices
          intent="register"
          name="languages"
          legend={t('languages')}
          hint={t('languagesHint')}
          options={WORKFORCE_LANGUAGES.map((l) => ({ value: l, label: label('coordinator.language', l) }))}
          refused={actionData}
          defaultValue={['nl']}
        />
        <button type="submit" className="utrecht-button utrecht-button--primary-action">
          <FormattedMessage id="coordinator.onboarding.submit" />
        </button>
      </Form>
    </main>
  );
}
