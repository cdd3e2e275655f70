import { data } from 'react-router';
import { agencyInvoiceFile } from '../api/agency-billing.server';
import { download, passOn } from '../api/download.server';
import { requireUser } from '../auth/user.server';
import { pageLanguage } from '../i18n/languages';
import type { Route } from './+types/billing-invoice-file';

/** One of the agency's invoices as PDF or e-invoice (UBL), fetched with the coordinator's token and passed on. */
export function loader({ request, params }: Route.LoaderArgs) {
  return download(async () => {
    pageLanguage(params.lang);
    if (params.format !== 'pdf' && params.format !== 'ubl') throw data(null, { status: 404 });
    const { accessToken, user } = await requireUser(request, 'billing');
    if (!user.agencyId) throw data(null, { status: 403 });
    return passOn(await agencyInvoiceFile(accessToken, user.agencyId, params.number, params.format));
  });
}
