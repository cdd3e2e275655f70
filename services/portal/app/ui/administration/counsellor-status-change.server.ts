import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from 'react-router';
import { deactivateCounsellor, reactivateCounsellor } from '../../api/administration.server';
import { counsellor } from '../../api/matching.server';
import { idParam, untilVisible } from '../../api/problem.server';
import { requireUser } from '../../auth/user.server';
import { pageLanguage } from '../../i18n/languages';
import type { FormRefusal } from '../coordinator-form';
import { STATUS_CHANGES, type StatusChange } from './counsellor-status-change';

// The routes' own params: `:lang/counsellors/:counsellorId/…` (React Router types a shared loader's as optional).
type Params = { lang?: string; counsellorId: string };

const POSTS = { deactivation: deactivateCounsellor, reactivation: reactivateCounsellor } as const;

/** The counsellor whose leaving or coming back the page confirms. */
export async function statusChangeLoader({ request, params }: LoaderFunctionArgs) {
  const { lang, counsellorId } = params as Params;
  pageLanguage(lang);
  const { accessToken, user } = await requireUser(request, 'counsellors');
  if (!user.agencyId) throw data(null, { status: 403 });
  return { person: await counsellor(accessToken, user.agencyId, idParam(counsellorId)) };
}

/** Posts the change to matching, then back to the counsellor's page once it shows; a refusal stays on this page. */
export function statusChangeAction(change: StatusChange) {
  const { to, done, intent } = STATUS_CHANGES[change];
  return async ({ request, params }: ActionFunctionArgs) => {
    const { lang, counsellorId: param } = params as Params;
    pageLanguage(lang);
    const { accessToken, user } = await requireUser(request, 'counsellors');
    const agencyId = user.agencyId;
    if (!agencyId) throw data(null, { status: 403 });
    const counsellorId = idParam(param);
    const outcome = await POSTS[change](accessToken, agencyId, counsellorId);
    if (outcome.ok) {
      await untilVisible(async () => (await counsellor(accessToken, agencyId, counsellorId)).status === to);
      return redirect(`/${lang}/counsellors/${counsellorId}?done=${done}`, 303);
    }
    return data<FormRefusal>({ intent, refusal: outcome.refusal, values: {} }, { status: 422 });
  };
}
