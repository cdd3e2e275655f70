import { data } from 'react-router';
import { invoiceFile } from '../api/billing.server';
import { download, passOn } from '../api/download.server';
import { requireUser } from '../auth/user.server';
import { pageLanguage } from '../i18n/languages';
import type { Route } from './+types/invoice-file';

/** An invoice's PDF or e-invoice (UBL), fetched with the user's token and passed on. */
export function loader({ request, params }: Route.LoaderArgs) {
  return download(async () => {
    pageLanguage(params.lang);
    if (params.format !== 'pdf' && params.format !== 'ubl') throw data(null, { status: 404 });
    const { accessToken, user } = await requireUser(request, 'invoices');
    if (!user.organisationId) throw data(null, { status: 403 });
    return passOn(await invoiceFile(accessToken, user.organisationId, params.number, params.format));
  });
}
