import { FormattedMessage, useIntl } from 'react-intl';
import { data } from 'react-router';
import { fetchIntakePage } from '../intake/intake-client.server';
import { languageOf } from '../i18n/languages';
import { takeOneView } from '../receipt/one-time-views.server';
import { receiptViewCookie } from '../receipt/receipt-cookie.server';
import { ReceiptDetails } from '../receipt/receipt-details';
import { PageTitle } from '../ui/page-title';
import type { Route } from './+types/receipt';

/** The receipt, once: the cookie's token takes it from the store and the cookie is cleared, so a reload shows it no more. */
export async function loader({ params, request }: Route.LoaderArgs) {
  const language = languageOf(params.lang);
  const page = language && (await fetchIntakePage(params.code, language));
  if (!language || !page) throw data(null, { status: 404 });
  const id = (await receiptViewCookie.parse(request.headers.get('cookie'))) as string | null;
  const receipt = await takeOneView(id ?? undefined);
  const headers = { 'Set-Cookie': await receiptViewCookie.serialize('', { maxAge: 0 }) };
  return data({ language, page, receipt }, { status: receipt ? 200 : 410, headers });
}

export default function ReceiptRoute({ loaderData, params }: Route.ComponentProps) {
  const { page, receipt, language } = loaderData;
  const intl = useIntl();
  const title = intl.formatMessage({ id: receipt ? 'receipt.title' : 'receipt.gone.title' });
  return (
    <main className="site-page">
      <PageTitle title={title} organisation={page.organisation.name} />
      <h1 className="utrecht-heading-1">{title}</h1>
      {receipt ? (
        <ReceiptDetails receipt={receipt} page={page} />
      ) : (
        <p className="utrecht-paragraph">
          <FormattedMessage id="receipt.gone.text" />
        </p>
      )}
      <p className="utrecht-paragraph site-section">
        <a className="utrecht-link" href={`/${params.code}/${language}/follow-up`}>
          <FormattedMessage id="receipt.followUp" />
        </a>
      </p>
    </main>
  );
}
