import { data, Form, Link, redirect } from 'react-router';
import { agencyInvoice, agencyInvoices, creditNote } from '../api/agency-billing.server';
import { creditBody, creditRefusal } from '../api/billing-forms.server';
import { CREDIT_REASONS } from '../api/billing-values';
import { untilVisible } from '../api/problem.server';
import { requireUser } from '../auth/user.server';
import { pageLanguage } from '../i18n/languages';
import { AREA, Item, useBillingText } from '../ui/billing/billing-text';
import { Choices, Field, RefusalSummary, Select, text, valuesOf, type FormRefusal } from '../ui/coordinator-form';
import { PageTitle, useFormat } from '../ui/format';
import type { Route } from './+types/billing-invoice';

const DOCUMENT_NUMBER = /^\d{4}-\d{6,9}$/;

function numberParam(segment: string): string {
  if (!DOCUMENT_NUMBER.test(segment)) throw data(null, { status: 404 });
  return segment;
}

/**
 * One of the agency's invoices or credit notes as issued (billing `GET …/invoices/:number`), its downloads, the
 * credit notes that correct it, and, for an invoice, the form for a credit note (`POST …/credit-notes`): the whole
 * of what is left, or amounts of some lines, with a fixed reason. Another agency's number is 404.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  pageLanguage(params.lang);
  const number = numberParam(params.number);
  const { accessToken, user } = await requireUser(request, 'billing');
  if (!user.agencyId) throw data(null, { status: 403 });
  const [document, all] = await Promise.all([
    agencyInvoice(accessToken, user.agencyId, number),
    agencyInvoices(accessToken, user.agencyId),
  ]);
  return {
    document,
    creditNotes: all.filter((d) => d.kind === 'credit-note' && d.corrects === number).toSorted((a, b) => a.number.localeCompare(b.number)),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  pageLanguage(params.lang);
  const number = numberParam(params.number);
  const { accessToken, user } = await requireUser(request, 'billing');
  if (!user.agencyId) throw data(null, { status: 403 });
  const agencyId = user.agencyId;
  const form = await request.formData();
  const intent = text(form, 'intent');
  if (intent !== 'credit') throw data(null, { status: 400 });
  const invoice = await agencyInvoice(accessToken, agencyId, number);
  const refused = (refusal: FormRefusal['refusal']) => data<FormRefusal>({ intent, refusal, values: valuesOf(form) }, { status: 422 });
  const asked = creditBody(form, invoice.lines);
  if ('refusal' in asked) return refused(asked.refusal);
  const outcome = await creditNote(accessToken, agencyId, number, asked.body);
  if (!outcome.ok) return refused(creditRefusal(outcome.refusal, asked.lineIds));
  const issued = outcome.body.number;
  await untilVisible(async () => (await agencyInvoices(accessToken, agencyId)).some((d) => d.number === issued));
  return redirect(`/${params.lang}/billing?credited=${encodeURIComponent(issued)}#invoices`, 303);
}

export default function BillingInvoice({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t, tn, euros, intl } = useBillingText();
  const { day } = useFormat();
  const { document: d, creditNotes } = loaderData;
  const title = t(d.kind === 'invoice' ? 'invoiceTitle' : 'creditNoteTitle', { number: d.number });
  const file = (number: string, format: 'pdf' | 'ubl') => `/${params.lang}/billing/invoices/${number}/${format}`;
  const lineLabel = (line: (typeof d.lines)[number]) => t('lineAmount', { line: line.id, description: line.description });
  const labels = {
    reason: t('reason'),
    scope: t('scope'),
    lines: t('lines'),
    ...Object.fromEntries(d.lines.map((line) => [`line-${line.id}`, lineLabel(line)])),
  };
  return (
    <main id="content" className="portal-page" tabIndex={-1}>
      <PageTitle title={actionData ? `${intl.formatMessage({ id: 'coordinator.errorTitle' })}: ${title}` : title} />
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={`/${params.lang}/billing#invoices`}>
          {t('backToBilling')}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">
        {tn(d.kind === 'invoice' ? 'billing.invoiceTitle' : 'billing.creditNoteTitle', { number: d.number })}
      </h1>
      <dl className="portal-details" data-testid="invoice">
        <Item term={t('client')}>{d.customer.name}</Item>
        <Item term={t('period')}>{t('periodRange', { start: day(d.period.start), end: day(d.period.end) })}</Item>
        <Item term={t('issueDate')}>{day(d.issueDate)}</Item>
        {d.dueDate ? <Item term={t('dueDate')}>{day(d.dueDate)}</Item> : null}
        {d.corrects ? (
          <Item term={t('corrects')}>
            <Link className="utrecht-link" to={`/${params.lang}/billing/invoices/${d.corrects.number}`} dir="ltr">
              {d.corrects.number}
            </Link>
          </Item>
        ) : null}
        {d.note ? <Item term={t('note')}>{d.note}</Item> : null}
        <Item term={t('buyerReference')}>
          <span dir="ltr">{d.buyerReference}</span>
        </Item>
        <Item term={t('payable')}>{euros(d.totals.payableCents)}</Item>
      </dl>
      <p className="utrecht-paragraph">
        <a className="utrecht-link" href={file(d.number, 'pdf')} download>
          {tn('invoices.pdf', { number: d.number })}
        </a>{' '}
        <a className="utrecht-link" href={file(d.number, 'ubl')} download>
          {tn('invoices.ubl', { number: d.number })}
        </a>
      </p>

      <div className="portal-table-scroll">
        <table className="utrecht-table" data-testid="invoice-lines">
          <caption className="utrecht-table__caption">{t('linesCaption')}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              {['line', 'description', 'quantity', 'net', 'vatRate'].map((id) => (
                <th key={id} scope="col" className="utrecht-table__header-cell">
                  {t(id)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {d.lines.map((line) => (
              <tr key={line.id} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  {line.id}
                </th>
                <td className="utrecht-table__cell">{line.description}</td>
                <td className="utrecht-table__cell utrecht-table__cell--numeric">{intl.formatNumber(Number(line.quantity))}</td>
                <td className="utrecht-table__cell utrecht-table__cell--numeric">{euros(line.netCents)}</td>
                <td className="utrecht-table__cell utrecht-table__cell--numeric">{`${line.vatRatePercent}%`}</td>
              </tr>
            ))}
          </tbody>
          <tfoot className="utrecht-table__footer">
            {(
              [
                ['totalNet', d.totals.netCents],
                ['totalVat', d.totals.vatCents],
                ['totalGross', d.totals.grossCents],
              ] as const
            ).map(([id, amount]) => (
              <tr key={id} className="utrecht-table__row">
                <th scope="row" colSpan={3} className="utrecht-table__header-cell">
                  {t(id)}
                </th>
                <td className="utrecht-table__cell utrecht-table__cell--numeric">{euros(amount)}</td>
                <td className="utrecht-table__cell" />
              </tr>
            ))}
          </tfoot>
        </table>
      </div>

      {d.kind === 'invoice' ? (
        <section className="portal-section" aria-labelledby="credit">
          <h2 className="utrecht-heading-2" id="credit">
            {t('creditTitle')}
          </h2>
          {creditNotes.length > 0 ? (
            <ul className="portal-list" data-testid="credit-notes">
              {creditNotes.map((c) => (
                <li key={c.number}>
                  {tn('billing.creditNoteLine', { number: c.number }, { day: day(c.issueDate), amount: euros(c.payableCents) })}{' '}
                  <a className="utrecht-link" href={file(c.number, 'pdf')} download>
                    {tn('invoices.pdf', { number: c.number })}
                  </a>
                </li>
              ))}
            </ul>
          ) : (
            <p className="utrecht-paragraph">{t('noCreditNotes')}</p>
          )}
          <p className="utrecht-paragraph">{t('creditHint')}</p>
          <Form method="post" action={`/${params.lang}/billing/invoices/${d.number}`} className="portal-form">
            <input type="hidden" name="intent" value="credit" />
            <RefusalSummary refused={actionData} intent="credit" labels={labels} area={AREA} />
            <Select
              intent="credit"
              name="reason"
              label={t('reason')}
              refused={actionData}
              area={AREA}
              options={CREDIT_REASONS.map((value) => ({ value, label: t(`reason.${value}`) }))}
            />
            <Choices
              intent="credit"
              name="scope"
              legend={t('scope')}
              multiple={false}
              refused={actionData}
              area={AREA}
              defaultValue={['all']}
              options={[
                { value: 'all', label: t('scope.all') },
                { value: 'lines', label: t('scope.lines') },
              ]}
            />
            <fieldset className="utrecht-form-fieldset portal-choices" id="credit-lines" tabIndex={-1}>
              <legend className="utrecht-form-fieldset__legend">{t('lines')}</legend>
              {d.lines.map((line) => (
                <Field
                  key={line.id}
                  intent="credit"
                  name={`line-${line.id}`}
                  label={lineLabel(line)}
                  hint={t('lineAmountHint', { net: euros(line.netCents) })}
                  refused={actionData}
                  area={AREA}
                  inputMode="decimal"
                  ltr
                />
              ))}
            </fieldset>
            <button type="submit" className="utrecht-button utrecht-button--primary-action">
              {t('creditSubmit')}
            </button>
          </Form>
        </section>
      ) : null}
    </main>
  );
}
