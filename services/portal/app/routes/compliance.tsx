import { FormattedMessage } from 'react-intl';
import { data } from 'react-router';
import { employerBenchmarks, employerCompliance, type BenchmarkCell } from '../api/oversight-reporting.server';
import { COMPLIANCE_DEADLINES, COMPLIANCE_REGIMES } from '../api/oversight-values';
import { requireUser } from '../auth/user.server';
import { pageLanguage } from '../i18n/languages';
import { PageTitle, useFormat } from '../ui/format';
import { ChoiceForm, NotShown } from '../ui/oversight';
import { amsterdamYear, recentYears, yearParam } from '../ui/years';
import type { Route } from './+types/compliance';

/**
 * The employer contact's compliance view and benchmarks of a year, for their own organisation (the token's claim):
 * as the reporting service gives them to an employer, shares above k and rates per 100 employees; a figure it kept
 * out arrives without a value and is shown as "—" with the legend.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  pageLanguage(params.lang);
  const { accessToken, user } = await requireUser(request, 'compliance');
  if (!user.organisationId) throw data(null, { status: 403 });
  const years = recentYears(3);
  const year = yearParam(request, years, amsterdamYear());
  const [compliance, benchmarks] = await Promise.all([
    employerCompliance(accessToken, user.organisationId, year),
    employerBenchmarks(accessToken, user.organisationId, year),
  ]);
  return { year, years, compliance, benchmarks };
}

export default function CompliancePage({ loaderData, params }: Route.ComponentProps) {
  const { intl, day, label } = useFormat();
  const { year, years, compliance: c, benchmarks: b } = loaderData;
  const title = intl.formatMessage({ id: 'oversight.compliance.title' }, { year });
  const yesNo = (value: boolean) => intl.formatMessage({ id: value ? 'oversight.yes' : 'oversight.no' });
  const rate = (cell: { reportsPer100: string | null }) =>
    cell.reportsPer100 === null ? (
      <NotShown />
    ) : (
      <span dir="ltr">{intl.formatNumber(Number(cell.reportsPer100), { maximumFractionDigits: 2 })}</span>
    );
  const why = (cell: { suppressed: string | null }) => (cell.suppressed ? label('oversight.suppressed', cell.suppressed) : '');
  const anyHidden =
    COMPLIANCE_REGIMES.some((r) => COMPLIANCE_DEADLINES.some((d) => c.deadlines[r][d].metPercent === null)) ||
    [b.own, b.agency, ...(b.sector ? [b.sector] : []), ...b.themes].some((cell) => cell.reportsPer100 === null);
  const benchmarkRows: { key: string; name: string; cell: BenchmarkCell }[] = [
    { key: 'own', name: intl.formatMessage({ id: 'oversight.benchmarks.own' }), cell: b.own },
    { key: 'agency', name: intl.formatMessage({ id: 'oversight.benchmarks.agency' }), cell: b.agency },
    ...(b.sector
      ? [{ key: 'sector', name: intl.formatMessage({ id: 'oversight.benchmarks.sector' }, { sector: b.sector.sector }), cell: b.sector }]
      : []),
  ];
  return (
    <main id="content" className="portal-page" tabIndex={-1}>
      <PageTitle title={title} />
      <h1 className="utrecht-heading-1">{title}</h1>
      <ChoiceForm
        action={`/${params.lang}/compliance`}
        selects={[
          {
            name: 'year',
            label: intl.formatMessage({ id: 'oversight.year' }),
            value: String(year),
            options: years.map((y) => ({ value: String(y), label: String(y) })),
          },
        ]}
        submit={intl.formatMessage({ id: 'oversight.show' })}
      />
      <p className="utrecht-paragraph" data-testid="compliance-state">
        <strong>
          <FormattedMessage id={`oversight.compliance.state.${c.state}`} />
        </strong>
        {c.reasons.length > 0 ? `: ${c.reasons.map((r) => label('oversight.compliance.reason', r)).join(', ')}` : null}
      </p>
      <section className="portal-section" aria-labelledby="duties">
        <h2 className="utrecht-heading-2" id="duties">
          <FormattedMessage id="oversight.compliance.duties" />
        </h2>
        <dl className="portal-details">
          <div>
            <dt>
              <FormattedMessage id="oversight.compliance.headcount" />
            </dt>
            <dd>{c.headcount ?? '—'}</dd>
          </div>
          <div>
            <dt>
              <FormattedMessage id="oversight.compliance.wbk" values={{ threshold: c.duties.wbk.threshold }} />
            </dt>
            <dd data-testid="duty-wbk">{yesNo(c.duties.wbk.applies)}</dd>
          </div>
          <div>
            <dt>
              <FormattedMessage id="oversight.compliance.pendingBill" values={{ threshold: c.duties.pendingBill.threshold }} />
            </dt>
            <dd>{yesNo(c.duties.pendingBill.applies)}</dd>
          </div>
          <div>
            <dt>
              <FormattedMessage id="oversight.compliance.counsellor" />
            </dt>
            <dd data-testid="counsellor">
              {yesNo(c.counsellor.appointed)}
              {c.counsellor.appointed ? (
                <>
                  {' '}
                  (
                  <FormattedMessage
                    id="oversight.compliance.counsellorDetail"
                    values={{
                      primary: yesNo(c.counsellor.primary),
                      substitute: yesNo(c.counsellor.substitute),
                      internal: c.counsellor.internal,
                    }}
                  />
                  )
                </>
              ) : null}
            </dd>
          </div>
          <div>
            <dt>
              <FormattedMessage id="oversight.compliance.agreement" values={{ day: day(c.referenceDay) }} />
            </dt>
            <dd data-testid="agreement">
              {yesNo(c.agreement.inForce)}
              {c.agreement.startsOn ? (
                <>
                  {' '}
                  (<FormattedMessage id="oversight.compliance.since" values={{ day: day(c.agreement.startsOn) }} />
                  {c.agreement.endsOn ? (
                    <>
                      , <FormattedMessage id="oversight.compliance.until" values={{ day: day(c.agreement.endsOn) }} />
                    </>
                  ) : null}
                  )
                </>
              ) : null}
            </dd>
          </div>
        </dl>
      </section>
      {anyHidden ? (
        <p className="utrecht-paragraph portal-legend" id="oversight-legend" data-testid="legend">
          <FormattedMessage id="oversight.compliance.legend" values={{ k: c.k }} />
        </p>
      ) : null}
      <section className="portal-section" aria-labelledby="deadlines">
        <h2 className="utrecht-heading-2" id="deadlines">
          <FormattedMessage id="oversight.compliance.deadlines" />
        </h2>
        <div className="portal-table-scroll">
          <table className="utrecht-table" data-testid="deadlines">
            <caption className="utrecht-table__caption">
              <FormattedMessage id="oversight.compliance.deadlinesCaption" />
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">
                  <FormattedMessage id="oversight.regime" />
                </th>
                {COMPLIANCE_DEADLINES.map((d) => (
                  <th key={d} scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric">
                    <FormattedMessage id={`cases.${d}`} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {COMPLIANCE_REGIMES.map((regime) => (
                <tr key={regime} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell">
                    {label('oversight.regime', regime)}
                  </th>
                  {COMPLIANCE_DEADLINES.map((d) => {
                    const cell = c.deadlines[regime][d];
                    return (
                      <td key={d} className="utrecht-table__cell utrecht-table__cell--numeric">
                        {cell.metPercent === null ? <NotShown /> : <span dir="ltr">{cell.metPercent} %</span>}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="portal-section" aria-labelledby="benchmarks">
        <h2 className="utrecht-heading-2" id="benchmarks">
          <FormattedMessage id="oversight.benchmarks.title" />
        </h2>
        <p className="utrecht-paragraph">
          <FormattedMessage
            id="oversight.benchmarks.rules"
            values={{ k: b.rules.k, organisations: b.rules.minOrganisations, share: b.rules.maxSharePercent }}
          />
        </p>
        <div className="portal-table-scroll">
          <table className="utrecht-table" data-testid="benchmarks">
            <caption className="utrecht-table__caption">
              <FormattedMessage id="oversight.benchmarks.caption" />
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">
                  <FormattedMessage id="oversight.benchmarks.who" />
                </th>
                <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric">
                  <FormattedMessage id="oversight.benchmarks.per100" />
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  <FormattedMessage id="oversight.benchmarks.why" />
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {[...benchmarkRows, ...b.themes.map((t) => ({ key: `theme-${t.theme}`, name: label('theme', t.theme), cell: t }))].map(
                (row) => (
                  <tr key={row.key} className="utrecht-table__row">
                    <th scope="row" className="utrecht-table__header-cell">
                      {row.name}
                    </th>
                    <td className="utrecht-table__cell utrecht-table__cell--numeric">{rate(row.cell)}</td>
                    <td className="utrecht-table__cell">{why(row.cell)}</td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      </section>
    </main>
  );
}
