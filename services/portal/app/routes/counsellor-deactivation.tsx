import { data, Form, Link, redirect } from 'react-router';
import { deactivateCounsellor } from '../api/administration.server';
import { counsellor } from '../api/matching.server';
import { idParam, untilVisible } from '../api/problem.server';
import { requireUser } from '../auth/user.server';
import { pageLanguage } from '../i18n/languages';
import { RefusalSummary, type FormRefusal } from '../ui/coordinator-form';
import { PageTitle, useFormat } from '../ui/format';
import type { Route } from './+types/counsellor-deactivation';

/**
 * A counsellor leaving the agency (matching `POST …/deactivation`), confirmed on a page of its own so that it works
 * without scripts: the counsellor page links here, this page says what it means, and only its button posts.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  pageLanguage(params.lang);
  const { accessToken, user } = await requireUser(request, 'counsellors');
  if (!user.agencyId) throw data(null, { status: 403 });
  return { person: await counsellor(accessToken, user.agencyId, idParam(params.counsellorId)) };
}

export async function action({ request, params }: Route.ActionArgs) {
  pageLanguage(params.lang);
  const { accessToken, user } = await requireUser(request, 'counsellors');
  const agencyId = user.agencyId;
  if (!agencyId) throw data(null, { status: 403 });
  const counsellorId = idParam(params.counsellorId);
  const outcome = await deactivateCounsellor(accessToken, agencyId, counsellorId);
  if (outcome.ok) {
    await untilVisible(async () => (await counsellor(accessToken, agencyId, counsellorId)).status === 'inactive');
    return redirect(`/${params.lang}/counsellors/${counsellorId}?done=deactivated`, 303);
  }
  return data<FormRefusal>({ intent: 'deactivate', refusal: outcome.refusal, values: {} }, { status: 422 });
}

export default function CounsellorDeactivation({ loaderData, actionData, params }: Route.ComponentProps) {
  const { intl } = useFormat();
  const t = (id: string, values?: Record<string, string>) => intl.formatMessage({ id: `administration.deactivation.${id}` }, values);
  const { person: c } = loaderData;
  const name = c.name ?? c.username;
  const page = `/${params.lang}/counsellors/${c.counsellorId}`;
  return (
    <main id="content" className="portal-page" tabIndex={-1}>
      <PageTitle
        title={actionData ? `${intl.formatMessage({ id: 'coordinator.errorTitle' })}: ${t('title', { name })}` : t('title', { name })}
      />
      <h1 className="utrecht-heading-1">{t('title', { name })}</h1>
      {c.status === 'inactive' ? (
        <p className="utrecht-paragraph">{t('already', { name })}</p>
      ) : (
        <>
          <p className="utrecht-paragraph">{t('meaning', { name })}</p>
          <ul className="portal-list">
            <li>{t('noNewCases')}</li>
            <li>{t('account')}</li>
            <li>{t('openCases')}</li>
            <li>{t('noWayBack')}</li>
          </ul>
          <Form method="post" action={`${page}/deactivation`} className="portal-form">
            <RefusalSummary refused={actionData} intent="deactivate" labels={{}} />
            <button type="submit" className="utrecht-button utrecht-button--primary-action">
              {t('confirm', { name })}
            </button>
          </Form>
        </>
      )}
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={page}>
          {c.status === 'inactive' ? intl.formatMessage({ id: 'administration.backTo' }, { name }) : t('cancel')}
        </Link>
      </p>
    </main>
  );
}
