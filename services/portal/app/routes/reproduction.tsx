import { FormattedMessage } from 'react-intl';
import { data, Link } from 'react-router';
import { auditedCases } from '../api/case.server';
import { agencyPublications, auditedOrganisationNames, reproduce } from '../api/oversight-reporting.server';
import { requireUser } from '../auth/user.server';
import { pageLanguage } from '../i18n/languages';
import { PageTitle, useFormat } from '../ui/format';
import { ChoiceForm, shortId } from '../ui/oversight';
import type { Route } from './+types/reproduction';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** `?name=` as a whole number within bounds, absent as undefined; anything else is no page. */
function numberParam(url: URL, name: string, min: number, max: number): number | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return undefined;
  const value = Number(raw);
  if (!/^\d{1,6}$/.test(raw) || value < min || value > max) throw data(null, { status: 404 });
  return value;
}

/**
 * The auditor's report reproduction: an organisation of the agency (those of its cases, by name), its publications,
 * and for one of them the reporting service's rebuild from the event history alone: the same digest, or what differs.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  pageLanguage(params.lang);
  const { accessToken, user, auditId } = await requireUser(request, 'reproduction');
  if (!user.agencyId) throw data(null, { status: 403 });
  const url = new URL(request.url);
  const [cases, names] = await Promise.all([
    auditedCases(accessToken, auditId, user.agencyId),
    auditedOrganisationNames(accessToken, user.agencyId),
  ]);
  const named = (organisationId: string) => ({ organisationId, name: names.get(organisationId) ?? null });
  // By name; those matching does not name after them, by id (the page shows their short id).
  const organisations = [...new Set(cases.map((c) => c.organisationId))]
    .map(named)
    .sort((a, b) => (a.name ?? `\uffff${a.organisationId}`).localeCompare(b.name ?? `\uffff${b.organisationId}`, 'nl'));
  const organisation = url.searchParams.get('organisation') || organisations[0]?.organisationId || null;
  if (organisation !== null && !UUID.test(organisation)) throw data(null, { status: 404 });
  const publications = organisation ? await agencyPublications(accessToken, user.agencyId, organisation) : [];
  const year = numberParam(url, 'year', 2000, 2999);
  const publication = numberParam(url, 'publication', 1, 999_999);
  const result =
    organisation && year !== undefined && publication !== undefined
      ? await reproduce(accessToken, user.agencyId, organisation, year, publication)
      : null;
  const listed = organisation === null || organisations.some((o) => o.organisationId === organisation);
  return {
    organisations: listed ? organisations : [named(organisation), ...organisations],
    organisation: organisation ? named(organisation) : null,
    publications: publications.toSorted((a, b) => b.year - a.year || b.publication - a.publication),
    result: result && {
      ...result,
      differences: result.differences.map((d) => ({ ...d, published: show(d.published), reproduced: show(d.reproduced) })),
    },
  };
}

/** A differing value as text for the page (the service's JSON: figures, dates, digests; never case content). */
const show = (value: unknown) => (value === undefined ? '—' : JSON.stringify(value));

export default function ReproductionPage({ loaderData, params }: Route.ComponentProps) {
  const { intl, day } = useFormat();
  const { organisations, organisation, publications, result } = loaderData;
  const title = intl.formatMessage({ id: 'oversight.reproduction.title' });
  const link = (year: number, publication: number) =>
    `/${params.lang}/reproduction?${new URLSearchParams({ organisation: organisation?.organisationId ?? '', year: String(year), publication: String(publication) })}`;
  return (
    <main id="content" className="portal-page" tabIndex={-1}>
      <PageTitle title={title} />
      <h1 className="utrecht-heading-1">{title}</h1>
      {organisations.length === 0 ? (
        <p className="utrecht-paragraph">
          <FormattedMessage id="oversight.reproduction.noOrganisations" />
        </p>
      ) : (
        <ChoiceForm
          action={`/${params.lang}/reproduction`}
          selects={[
            {
              name: 'organisation',
              label: intl.formatMessage({ id: 'oversight.organisation' }),
              value: organisation?.organisationId ?? '',
              options: organisations.map((o) => ({ value: o.organisationId, label: o.name ?? shortId(o.organisationId) })),
            },
          ]}
          submit={intl.formatMessage({ id: 'oversight.show' })}
        />
      )}
      {organisation ? (
        <section className="portal-section" aria-labelledby="publications">
          <h2 className="utrecht-heading-2" id="publications">
            <FormattedMessage
              id="oversight.reproduction.publications"
              values={{ organisation: organisation.name ?? shortId(organisation.organisationId) }}
            />
          </h2>
          {publications.length === 0 ? (
            <p className="utrecht-paragraph">
              <FormattedMessage id="reports.none" />
            </p>
          ) : (
            <ul className="portal-list">
              {publications.map((p) => (
                <li key={`${p.year}-${p.publication}`}>
                  <Link className="utrecht-link" to={link(p.year, p.publication)}>
                    <FormattedMessage id="oversight.reproduction.reproduce" values={{ year: p.year, n: p.publication }} />
                  </Link>{' '}
                  (<FormattedMessage id="reports.publishedOn" /> {day(p.publishedOn)})
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      {result ? (
        <section className="portal-section" aria-labelledby="result">
          <h2 className="utrecht-heading-2" id="result">
            <FormattedMessage id="oversight.reproduction.result" values={{ year: result.year, n: result.publication }} />
          </h2>
          <p className="utrecht-paragraph" data-testid="reproduction-verdict">
            <strong>
              <FormattedMessage id={result.same ? 'oversight.reproduction.same' : 'oversight.reproduction.differs'} />
            </strong>
          </p>
          <dl className="portal-details">
            <div>
              <dt>
                <FormattedMessage id="oversight.reproduction.published" />
              </dt>
              <dd>
                <code dir="ltr" data-testid="published-digest">
                  {result.publishedDigest}
                </code>
              </dd>
            </div>
            <div>
              <dt>
                <FormattedMessage id="oversight.reproduction.reproduced" />
              </dt>
              <dd>
                <code dir="ltr" data-testid="reproduced-digest">
                  {result.reproducedDigest}
                </code>
              </dd>
            </div>
            <div>
              <dt>
                <FormattedMessage id="oversight.reproduction.late" />
              </dt>
              <dd>{result.factsAfterCutOff}</dd>
            </div>
          </dl>
          {result.differences.length > 0 ? (
            <div className="portal-table-scroll">
              <table className="utrecht-table" data-testid="differences">
                <caption className="utrecht-table__caption">
                  <FormattedMessage id="oversight.reproduction.differences" />
                </caption>
                <thead className="utrecht-table__header">
                  <tr className="utrecht-table__row">
                    {['oversight.reproduction.path', 'oversight.reproduction.published', 'oversight.reproduction.reproduced'].map((id) => (
                      <th key={id} scope="col" className="utrecht-table__header-cell">
                        <FormattedMessage id={id} />
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="utrecht-table__body">
                  {result.differences.map((d) => (
                    <tr key={d.path} className="utrecht-table__row">
                      <th scope="row" className="utrecht-table__header-cell">
                        <span dir="ltr">{d.path}</span>
                      </th>
                      <td className="utrecht-table__cell">
                        <span dir="ltr">{d.published}</span>
                      </td>
                      <td className="utrecht-table__cell">
                        <span dir="ltr">{d.reproduced}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </section>
      ) : null}
    </main>
  );
}
