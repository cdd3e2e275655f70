import { FormattedMessage } from 'react-intl';
import { data } from 'react-router';
import { invoices } from '../api/billing.server';
import { requireUser } from '../auth/user.server';
import { pageLanguage } from '../i18n/languages';
import { PageTitle, useFormat } from '../ui/format';
import type { Route } from './+types/invoices';

/** The agency's invoices and credit notes to the employer contact's organisation, each to download. */
export async function loader({ request, params }: Route.LoaderArgs) {
  pageLanguage(params.lang);
  const { accessToken, user } = await requireUser(request, 'invoices');
  if (!user.organisationId) throw data(null, { status: 403 });
  const list = await invoices(accessToken, user.organisationId);
  return { invoices: list.toSorted((a, b) => b.issueDate.localeCompare(a.issueDate) || b.number.localeCompare(a.number)) };
}

export default function Invoices({ loaderData, params }: Route.ComponentProps) {
  const { intl, day, label } = useFormat();
  const title = intl.formatMessage({ id: 'invoices.title' });
  const file = (number: string, format: 'pdf' | 'ubl') => `/${params.lang}/invoices/${encodeURIComponent(number)}/${format}`;
  return (
    <main id="content" className="portal-page" tabIndex={-1}>
      <PageTitle title={title} />
      <h1 className="utrecht-heading-1">{title}</h1>
      {loaderData.invoices.length === 0 ? (
        <p className="utrecht-paragraph">
          <FormattedMessage id="invoices.none" />
        </p>
      ) : (
        <div className="portal-table-scroll">
          <table className="utrecht-table">
            <caption className="utrecht-table__caption">
              <FormattedMessage id="invoices.caption" />
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                {['invoices.number', 'invoices.kind', 'invoices.issued', 'invoices.amount', 'invoices.download'].map((id) => (
                  <th key={id} scope="col" className="utrecht-table__header-cell">
                    <FormattedMessage id={id} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {loaderData.invoices.map((invoice) => (
                <tr key={invoice.number} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell" dir="ltr">
                    {invoice.number}
                  </th>
                  <td className="utrecht-table__cell">{label('invoices.kind', invoice.kind)}</td>
                  <td className="utrecht-table__cell">{day(invoice.issueDate)}</td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric">
                    {intl.formatNumber(invoice.payableCents / 100, { style: 'currency', currency: 'EUR' })}
                  </td>
                  <td className="utrecht-table__cell">
                    <a className="utrecht-link" href={file(invoice.number, 'pdf')} download>
                      {intl.formatMessage({ id: 'invoices.pdf' }, { number: invoice.number })}
                    </a>{' '}
                    <a className="utrecht-link" href={file(invoice.number, 'ubl')} download>
                      {intl.formatMessage({ id: 'invoices.ubl' }, { number: invoice.number })}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
