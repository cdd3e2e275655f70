import { data } from 'react-router';
import { download, passOn } from '../api/download.server';
import { reportFile, yearOf } from '../api/reporting.server';
import { requireUser } from '../auth/user.server';
import { pageLanguage } from '../i18n/languages';
import type { Route } from './+types/report-file';

/** The published report as CSV or as the board's PDF in the page's language, fetched with the user's token. */
export function loader({ request, params }: Route.LoaderArgs) {
  return download(async () => {
    const language = pageLanguage(params.lang);
    if (params.format !== 'csv' && params.format !== 'pdf') throw data(null, { status: 404 });
    const { accessToken, user } = await requireUser(request, 'reports');
    if (!user.organisationId) throw data(null, { status: 403 });
    return passOn(await reportFile(accessToken, user.organisationId, yearOf(params.year), params.format, language));
  });
}
