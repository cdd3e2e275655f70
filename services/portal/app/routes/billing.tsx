import { data, Form, Link, redirect } from 'react-router';
import { amsterdamToday } from '@vertrouwd/domain';
import {
  account,
  agencyInvoices,
  configureAccount,
  invoiceRun,
  priceLists,
  publishPrices,
  subscribe,
  subscriptions,
  type PriceListBody,
} from '../api/agency-billing.server';
import { accountBody, chosenOrganisation, subscriptionBody } from '../api/billing-forms.server';
import { organisations } from '../api/matching.server';
import { requireUser } from '../auth/user.server';
import { pageLanguage } from '../i18n/languages';
import { untilVisible } from '../api/problem.server';
import { AccountSection } from '../ui/billing/account-section';
import { useBillingText } from '../ui/billing/billing-text';
import { SubscriptionsSection } from '../ui/billing/subscriptions-section';
import { cents, Field, Notice, RefusalSummary, Select, text, valuesOf, whole, type FormRefusal } from '../ui/coordinator-form';
import { PageTitle, useFormat } from '../ui/format';
import type { Route } from './+types/billing';

const BAND_ROWS = 3;

const DOCUMENT_NUMBER = /^\d{4}-\d{6,9}$/;

/**
 * The agency's billing (billing `…/agencies/:agencyId/billing/…`): the supplier's details, price lists and a form for
 * the next one, the clients' subscriptions and a form to start one, the invoice run for a period, every invoice and
 * credit note to download (each invoice's page credits it), and the bookkeeping CSV of each year.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  pageLanguage(params.lang);
  const { accessToken, user } = await requireUser(request, 'billing');
  if (!user.agencyId) throw data(null, { status: 403 });
  const [billingAccount, subs, documents, directory] = await Promise.all([
    account(accessToken, user.agencyId),
    subscriptions(accessToken, user.agencyId),
    agencyInvoices(accessToken, user.agencyId),
    organisations(accessToken, user.agencyId),
  ]);
  const query = new URL(request.url).searchParams;
  const count = (name: string) => (/^\d{1,6}$/.test(query.get(name) ?? '') ? Number(query.get(name)) : undefined);
  const subscribed = new Set(subs.map((s) => s.organisationId));
  const today = amsterdamToday();
  const credited = query.get('credited') ?? '';
  const saved = query.get('saved');
  return {
    account: billingAccount,
    priceLists: billingAccount?.priceLists,
    subscriptions: subs,
    // The picker offers the agency's organisations by name (matching's directory), only those without a subscription.
    unsubscribed: directory
      .filter((o) => !subscribed.has(o.organisationId) && o.name !== null)
      .map((o) => ({ organisationId: o.organisationId, name: o.name! }))
      .toSorted((a, b) => a.name.localeCompare(b.name)),
    invoices: documents.toSorted((a, b) => b.issueDate.localeCompare(a.issueDate) || b.number.localeCompare(a.number)),
    clients: Object.fromEntries(subs.map((s) => [s.organisationId, s.address.name])),
    bookkeepingYears: [...new Set([Number(today.slice(0, 4)), ...documents.map((d) => Number(d.issueDate.slice(0, 4)))])].toSorted(
      (a, b) => b - a,
    ),
    today,
    yesterday: amsterdamToday(-1),
    run: count('issued') === undefined ? undefined : { issued: count('issued')!, skipped: count('skipped') ?? 0 },
    published: count('published'),
    saved: saved === 'account' || saved === 'subscription' ? saved : undefined,
    credited: DOCUMENT_NUMBER.test(credited) ? credited : undefined,
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  pageLanguage(params.lang);
  const { accessToken, user } = await requireUser(request, 'billing');
  if (!user.agencyId) throw data(null, { status: 403 });
  const agencyId = user.agencyId;
  const form = await request.formData();
  const intent = text(form, 'intent');
  const refused = (outcome: { refusal: FormRefusal['refusal'] }) =>
    data<FormRefusal>({ intent, refusal: outcome.refusal, values: valuesOf(form) }, { status: 422 });
  if (intent === 'account') {
    const body = accountBody(form);
    const outcome = await configureAccount(accessToken, agencyId, body);
    if (!outcome.ok) return refused(outcome);
    await untilVisible(async () => (await account(accessToken, agencyId))?.supplier.iban === body.supplier.iban);
    return redirect(`/${params.lang}/billing?saved=account#account`, 303);
  }
  if (intent === 'subscribe') {
    const chosen = chosenOrganisation(form);
    if ('refusal' in chosen) return refused(chosen);
    const outcome = await subscribe(accessToken, agencyId, chosen.organisationId, subscriptionBody(form));
    if (!outcome.ok) return refused(outcome);
    await untilVisible(async () => (await subscriptions(accessToken, agencyId)).some((s) => s.organisationId === chosen.organisationId));
    return redirect(`/${params.lang}/billing?saved=subscription#subscriptions`, 303);
  }
  if (intent === 'prices') {
    const bands = Array.from({ length: BAND_ROWS }, (_, i) => i)
      .filter((i) => text(form, `band${i}.minHeadcount`) !== '')
      .map((i) => ({
        minHeadcount: whole(form, `band${i}.minHeadcount`),
        plan: text(form, `band${i}.plan`),
        yearlyFeeCents: cents(form, `band${i}.yearlyFee`),
        includedHoursPerYear: whole(form, `band${i}.includedHours`),
      }));
    const body = {
      effectiveFrom: text(form, 'effectiveFrom'),
      period: text(form, 'period'),
      hourlyRateCents: cents(form, 'hourlyRateCents'),
      vatRatePercent: '21',
      bands,
    } as PriceListBody;
    // What is no amount or no whole number is said here, once per field: sent on, it reached the service as no
    // number at all and came back as three rules at once (too large, too small, not whole).
    const unreadable = [
      ...(Number.isNaN(body.hourlyRateCents) ? [{ field: 'hourlyRateCents', rule: 'isAmount' }] : []),
      ...bands.flatMap((band, i) => [
        ...(Number.isInteger(band.minHeadcount) ? [] : [{ field: `bands[${i}].minHeadcount`, rule: 'isInt' }]),
        ...(Number.isNaN(band.yearlyFeeCents) ? [{ field: `bands[${i}].yearlyFeeCents`, rule: 'isAmount' }] : []),
        ...(Number.isInteger(band.includedHoursPerYear) ? [] : [{ field: `bands[${i}].includedHoursPerYear`, rule: 'isInt' }]),
      ]),
    ];
    if (unreadable.length > 0) return refused({ refusal: { status: 400, title: '', rule: 'unreadable', fields: unreadable } });
    const outcome = await publishPrices(accessToken, user.agencyId, body);
    if (!outcome.ok) return refused(outcome);
    const { version } = outcome.body;
    await untilVisible(async () => (await priceLists(accessToken, agencyId))?.some((p) => p.version === version) ?? false);
    return redirect(`/${params.lang}/billing?published=${version}`, 303);
  }
  if (intent === 'run') {
    const outcome = await invoiceRun(accessToken, user.agencyId, text(form, 'through'));
    if (!outcome.ok) return refused(outcome);
    const { issued, skipped } = outcome.body;
    await untilVisible(async () => {
      const shown = new Set((await agencyInvoices(accessToken, agencyId)).map((d) => d.number));
      return issued.every((number) => shown.has(number));
    });
    return redirect(`/${params.lang}/billing?issued=${issued.length}&skipped=${skipped.length}#invoices`, 303);
  }
  throw data(null, { status: 400 });
}

export default function Billing({ loaderData, actionData, params }: Route.ComponentProps) {
  const { intl, day, label } = useFormat();
  const billing = useBillingText();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id: `coordinator.billing.${id}` }, values);
  const euros = (c: number) => intl.formatNumber(c / 100, { style: 'currency', currency: 'EUR' });
  const title = t('title');
  const action = `/${params.lang}/billing`;
  const file = (number: string, format: 'pdf' | 'ubl') => `/${params.lang}/billing/invoices/${encodeURIComponent(number)}/${format}`;
  const bandLabels = Object.fromEntries(Array.from({ length: BAND_ROWS }, (_, i) => [`bands[${i}]`, t('bandRow', { row: i + 1 })]));
  return (
    <main id="content" className="portal-page" tabIndex={-1}>
      <PageTitle title={actionData ? `${intl.formatMessage({ id: 'coordinator.errorTitle' })}: ${title}` : title} />
      <h1 className="utrecht-heading-1">{title}</h1>
      {loaderData.published !== undefined ? <Notice>{t('published', { version: loaderData.published })}</Notice> : null}
      {loaderData.run ? <Notice>{t('ran', { issued: loaderData.run.issued, skipped: loaderData.run.skipped })}</Notice> : null}
      {loaderData.saved ? <Notice>{billing.t(`saved.${loaderData.saved}`)}</Notice> : null}
      {loaderData.credited ? <Notice>{billing.tn('billing.credited', { number: loaderData.credited })}</Notice> : null}

      <AccountSection account={loaderData.account} refused={actionData} action={action} />

      <section className="portal-section" aria-labelledby="prices">
        <h2 className="utrecht-heading-2" id="prices">
          {t('priceLists')}
        </h2>
        {loaderData.priceLists === undefined ? (
          <p className="utrecht-paragraph">{t('noAccount')}</p>
        ) : loaderData.priceLists.length === 0 ? (
          <p className="utrecht-paragraph">{t('noPriceLists')}</p>
        ) : (
          loaderData.priceLists.map((p) => (
            <div key={p.version} className="portal-table-scroll">
              <table className="utrecht-table" data-testid={`price-list-${p.version}`}>
                <caption className="utrecht-table__caption">
                  {t('priceListCaption', {
                    version: p.version,
                    from: day(p.effectiveFrom),
                    period: label('coordinator.period', p.period),
                    rate: euros(p.hourlyRateCents),
                    vat: p.vatRatePercent,
                  })}
                </caption>
                <thead className="utrecht-table__header">
                  <tr className="utrecht-table__row">
                    {['minHeadcount', 'plan', 'yearlyFee', 'includedHours'].map((id) => (
                      <th key={id} scope="col" className="utrecht-table__header-cell">
                        {t(id)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="utrecht-table__body">
                  {p.bands.map((b) => (
                    <tr key={b.minHeadcount} className="utrecht-table__row">
                      <th scope="row" className="utrecht-table__header-cell">
                        {t('fromEmployees', { count: b.minHeadcount })}
                      </th>
                      <td className="utrecht-table__cell">{label('coordinator.plan', b.plan)}</td>
                      <td className="utrecht-table__cell utrecht-table__cell--numeric">{euros(b.yearlyFeeCents)}</td>
                      <td className="utrecht-table__cell utrecht-table__cell--numeric">{intl.formatNumber(b.includedHoursPerYear)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))
        )}
        {loaderData.priceLists !== undefined ? (
          <>
            <h3 className="utrecht-heading-3">{t('addPriceList')}</h3>
            <Form method="post" action={action} className="portal-form">
              <input type="hidden" name="intent" value="prices" />
              <RefusalSummary
                refused={actionData}
                intent="prices"
                area="billing"
                labels={{
                  effectiveFrom: t('effectiveFrom'),
                  period: t('period'),
                  hourlyRateCents: t('hourlyRate'),
                  ...bandLabels,
                  bands: t('bands'),
                }}
              />
              <Field
                intent="prices"
                name="effectiveFrom"
                label={t('effectiveFrom')}
                hint={t('effectiveFromHint')}
                type="date"
                refused={actionData}
                required
              />
              <Select
                intent="prices"
                name="period"
                label={t('period')}
                options={['quarter', 'month', 'year'].map((v) => ({ value: v, label: label('coordinator.period', v) }))}
                refused={actionData}
              />
              <Field
                intent="prices"
                name="hourlyRateCents"
                label={t('hourlyRate')}
                hint={t('euroHint')}
                refused={actionData}
                inputMode="decimal"
                required
                ltr
              />
              {Array.from({ length: BAND_ROWS }, (_, i) => (
                <fieldset key={i} className="utrecht-form-fieldset portal-choices" id={`prices-bands[${i}]`}>
                  <legend className="utrecht-form-fieldset__legend">
                    {t('bandRow', { row: i + 1 })}
                    {i > 0 ? ` (${t('optional')})` : ''}
                  </legend>
                  <Field
                    intent="prices"
                    name={`band${i}.minHeadcount`}
                    label={t('minHeadcount')}
                    type="number"
                    refused={actionData}
                    required={i === 0}
                  />
                  <Select
                    intent="prices"
                    name={`band${i}.plan`}
                    label={t('plan')}
                    options={['collective', 'custom'].map((v) => ({ value: v, label: label('coordinator.plan', v) }))}
                    refused={actionData}
                  />
                  <Field
                    intent="prices"
                    name={`band${i}.yearlyFee`}
                    label={t('yearlyFee')}
                    hint={t('euroHint')}
                    refused={actionData}
                    inputMode="decimal"
                    ltr
                  />
                  <Field intent="prices" name={`band${i}.includedHours`} label={t('includedHours')} type="number" refused={actionData} />
                </fieldset>
              ))}
              <button type="submit" className="utrecht-button utrecht-button--secondary-action">
                {t('addPriceListSubmit')}
              </button>
            </Form>
          </>
        ) : null}
      </section>

      <SubscriptionsSection
        subscriptions={loaderData.subscriptions}
        unsubscribed={loaderData.unsubscribed}
        refused={actionData}
        action={action}
        lang={params.lang}
        today={loaderData.today}
      />

      <section className="portal-section" aria-labelledby="run">
        <h2 className="utrecht-heading-2" id="run">
          {t('run')}
        </h2>
        <p className="utrecht-paragraph">{t('runHint')}</p>
        <Form method="post" action={action} className="portal-form">
          <input type="hidden" name="intent" value="run" />
          <RefusalSummary refused={actionData} intent="run" labels={{ through: t('through') }} />
          <Field
            intent="run"
            name="through"
            label={t('through')}
            hint={t('throughHint')}
            type="date"
            refused={actionData}
            defaultValue={loaderData.yesterday}
            required
          />
          <button type="submit" className="utrecht-button utrecht-button--primary-action">
            {t('runSubmit')}
          </button>
        </Form>
      </section>

      <section className="portal-section" aria-labelledby="invoices">
        <h2 className="utrecht-heading-2" id="invoices">
          {t('invoices')}
        </h2>
        {loaderData.invoices.length === 0 ? (
          <p className="utrecht-paragraph">{t('noInvoices')}</p>
        ) : (
          <div className="portal-table-scroll">
            <table className="utrecht-table" data-testid="agency-invoices">
              <caption className="utrecht-table__caption">{t('invoicesCaption')}</caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  {['number', 'client', 'period', 'issued', 'amount', 'download'].map((id) => (
                    <th key={id} scope="col" className="utrecht-table__header-cell">
                      {t(id)}
                    </th>
                  ))}
                  <th scope="col" className="utrecht-table__header-cell">
                    {billing.t('correction')}
                  </th>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {loaderData.invoices.map((d) => (
                  <tr key={d.number} className="utrecht-table__row">
                    <th scope="row" className="utrecht-table__header-cell">
                      <Link className="utrecht-link" to={`/${params.lang}/billing/invoices/${d.number}`} dir="ltr">
                        {d.number}
                      </Link>
                      {d.kind === 'credit-note' ? (
                        <>
                          {' ('}
                          {d.corrects ? billing.tn('billing.creditNoteFor', { number: d.corrects }) : label('invoices.kind', d.kind)})
                        </>
                      ) : null}
                    </th>
                    <td className="utrecht-table__cell">{loaderData.clients[d.organisationId] ?? '–'}</td>
                    <td className="utrecht-table__cell" dir="ltr">
                      {d.periodKey ?? '–'}
                    </td>
                    <td className="utrecht-table__cell">{day(d.issueDate)}</td>
                    <td className="utrecht-table__cell utrecht-table__cell--numeric">{euros(d.payableCents)}</td>
                    <td className="utrecht-table__cell">
                      <a className="utrecht-link" href={file(d.number, 'pdf')} download>
                        {billing.tn('invoices.pdf', { number: d.number })}
                      </a>{' '}
                      <a className="utrecht-link" href={file(d.number, 'ubl')} download>
                        {billing.tn('invoices.ubl', { number: d.number })}
                      </a>
                    </td>
                    <td className="utrecht-table__cell">
                      {d.kind === 'invoice' ? (
                        <Link className="utrecht-link" to={`/${params.lang}/billing/invoices/${d.number}#credit`}>
                          {billing.tn('billing.creditInvoice', { number: d.number })}
                        </Link>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <h3 className="utrecht-heading-3" id="bookkeeping">
          {billing.t('bookkeeping')}
        </h3>
        <p className="utrecht-paragraph">{billing.t('bookkeepingHint')}</p>
        <ul className="portal-list" aria-labelledby="bookkeeping">
          {loaderData.bookkeepingYears.map((year) => (
            <li key={year}>
              <a className="utrecht-link" href={`/${params.lang}/billing/bookkeeping/${year}`} download>
                {billing.t('bookkeepingYear', { year: String(year) })}
              </a>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
