import { data, Form, Link, redirect } from 'react-router';
import { amsterdamToday } from '@vertrouwd/domain';
import { agencyInvoices, invoiceRun, priceLists, publishPrices, subscriptions, type PriceListBody } from '../api/agency-billing.server';
import { requireUser } from '../auth/user.server';
import { pageLanguage } from '../i18n/languages';
import { untilVisible } from '../api/problem.server';
import { cents, Field, Notice, RefusalSummary, Select, text, valuesOf, whole, type FormRefusal } from '../ui/coordinator-form';
import { PageTitle, useFormat } from '../ui/format';
import type { Route } from './+types/billing';

const BAND_ROWS = 3;

/**
 * The agency's billing (billing `…/agencies/:agencyId/billing/…`): price lists and a form for the next one, the
 * clients' subscriptions, the invoice run for a period, and every invoice and credit note to download.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  pageLanguage(params.lang);
  const { accessToken, user } = await requireUser(request, 'billing');
  if (!user.agencyId) throw data(null, { status: 403 });
  const [lists, subs, documents] = await Promise.all([
    priceLists(accessToken, user.agencyId),
    subscriptions(accessToken, user.agencyId),
    agencyInvoices(accessToken, user.agencyId),
  ]);
  const query = new URL(request.url).searchParams;
  const count = (name: string) => (/^\d{1,6}$/.test(query.get(name) ?? '') ? Number(query.get(name)) : undefined);
  return {
    priceLists: lists,
    subscriptions: subs,
    invoices: documents.toSorted((a, b) => b.issueDate.localeCompare(a.issueDate) || b.number.localeCompare(a.number)),
    clients: Object.fromEntries(subs.map((s) => [s.organisationId, s.address.name])),
    today: amsterdamToday(),
    yesterday: amsterdamToday(-1),
    run: count('issued') === undefined ? undefined : { issued: count('issued')!, skipped: count('skipped') ?? 0 },
    published: count('published'),
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

      <section className="portal-section" aria-labelledby="subscriptions">
        <h2 className="utrecht-heading-2" id="subscriptions">
          {t('subscriptions')}
        </h2>
        {loaderData.subscriptions.length === 0 ? (
          <p className="utrecht-paragraph">{t('noSubscriptions')}</p>
        ) : (
          <div className="portal-table-scroll">
            <table className="utrecht-table" data-testid="subscriptions">
              <caption className="utrecht-table__caption">{t('subscriptionsCaption')}</caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  {['client', 'startsOn', 'endsOn', 'buyerReference'].map((id) => (
                    <th key={id} scope="col" className="utrecht-table__header-cell">
                      {t(id)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {loaderData.subscriptions.map((s) => (
                  <tr key={s.organisationId} className="utrecht-table__row">
                    <th scope="row" className="utrecht-table__header-cell">
                      <Link className="utrecht-link" to={`/${params.lang}/organisations/${s.organisationId}`}>
                        {s.address.name}
                      </Link>
                    </th>
                    <td className="utrecht-table__cell">{day(s.startsOn)}</td>
                    <td className="utrecht-table__cell">{s.endsOn ? day(s.endsOn) : '–'}</td>
                    <td className="utrecht-table__cell" dir="ltr">
                      {s.buyerReference}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

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
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {loaderData.invoices.map((d) => (
                  <tr key={d.number} className="utrecht-table__row">
                    <th scope="row" className="utrecht-table__header-cell">
                      <span dir="ltr">{d.number}</span>
                      {d.kind === 'credit-note' ? ` (${label('invoices.kind', d.kind)})` : ''}
                    </th>
                    <td className="utrecht-table__cell">{loaderData.clients[d.organisationId] ?? '–'}</td>
                    <td className="utrecht-table__cell" dir="ltr">
                      {d.periodKey ?? '–'}
                    </td>
                    <td className="utrecht-table__cell">{day(d.issueDate)}</td>
                    <td className="utrecht-table__cell utrecht-table__cell--numeric">{euros(d.payableCents)}</td>
                    <td className="utrecht-table__cell">
                      <a className="utrecht-link" href={file(d.number, 'pdf')} download>
                        {intl.formatMessage({ id: 'invoices.pdf' }, { number: d.number })}
                      </a>{' '}
                      <a className="utrecht-link" href={file(d.number, 'ubl')} download>
                        {intl.formatMessage({ id: 'invoices.ubl' }, { number: d.number })}
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </main>
  );
}
