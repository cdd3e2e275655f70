import { data } from 'react-router';
import { bookkeepingCsv } from '../api/agency-billing.server';
import { download, passOn } from '../api/download.server';
import { requireUser } from '../auth/user.server';
import { pageLanguage } from '../i18n/languages';
import type { Route } from './+types/billing-bookkeeping';

/** The agency's documents of a year for its bookkeeping (CSV, a credit note's amounts negative), passed on. */
export function loader({ request, params }: Route.LoaderArgs) {
  return download(async () => {
    pageLanguage(params.lang);
    if (!/^2\d{3}$/.test(params.year)) throw data(null, { status: 404 });
    const { accessToken, user } = await requireUser(request, 'billing');
    if (!user.agencyId) throw data(null, { status: 403 });
    return passOn(await bookkeepingCsv(accessToken, user.agencyId, Number(params.year)));
  });
}
