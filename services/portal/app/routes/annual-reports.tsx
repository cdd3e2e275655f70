import { FormattedMessage } from 'react-intl';
import { data, Form, redirect } from 'react-router';
import {
  agencyPublications,
  annualReportOrganisations,
  draftReport,
  publish,
  writeNarrative,
  type NarrativeWarning,
} from '../api/oversight-reporting.server';
import { requireUser } from '../auth/user.server';
import { pageLanguage } from '../i18n/languages';
import { PageTitle, useFormat } from '../ui/format';
import { ChoiceForm, FieldError, shortId } from '../ui/oversight';
import { ReportTables } from '../ui/report-tables';
import { amsterdamYear, recentYears, yearParam } from '../ui/years';
import type { Route } from './+types/annual-reports';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DONE = ['saved', 'published'] as const;
type Done = (typeof DONE)[number];

/** The organisation chosen in the address (`?organisation=`): an id, else no page. */
function organisationParam(request: Request): string | undefined {
  const value = new URL(request.url).searchParams.get('organisation');
  if (value === null || value === '') return undefined;
  if (!UUID.test(value)) throw data(null, { status: 404 });
  return value;
}

/**
 * The counsellor's (and the coordinator's) annual report of an organisation and a year: the draft as publishing now
 * would show it, the narrative for the board and works council with the service's warnings, and publication (the
 * reporting service lets only the coordinator publish; the advisor sees who does).
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  pageLanguage(params.lang);
  const { accessToken, user } = await requireUser(request, 'annual-reports');
  if (!user.agencyId) throw data(null, { status: 403 });
  const years = recentYears(3);
  const year = yearParam(request, years, amsterdamYear() - 1);
  const organisations = await annualReportOrganisations(accessToken, user);
  const organisation = organisationParam(request);
  const done = new URL(request.url).searchParams.get('done');
  const mayPublish = user.roles.includes('coordinator');
  if (!organisation) return { year, years, organisations, organisation: null, mayPublish, report: null, done: undefined };
  const [draft, publications] = await Promise.all([
    draftReport(accessToken, user.agencyId, organisation, year),
    agencyPublications(accessToken, user.agencyId, organisation),
  ]);
  return {
    year,
    years,
    organisations: organisations.some((o) => o.organisationId === organisation)
      ? organisations
      : [{ organisationId: organisation, name: null }, ...organisations],
    organisation,
    mayPublish,
    report: { draft, publications: publications.filter((p) => p.year === year) },
    done: (DONE as readonly string[]).includes(done ?? '') ? (done as Done) : undefined,
  };
}

function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

interface ActionResult {
  intent: 'narrative' | 'publish';
  warnings?: NarrativeWarning[];
  error?: 'refused' | 'too-long';
  status?: number;
  texts?: { signals: string; advice: string };
}

/** Save the narrative (warnings shown on the page, the text kept) or publish; success redirects back. */
export async function action({ request, params }: Route.ActionArgs) {
  pageLanguage(params.lang);
  const { accessToken, user } = await requireUser(request, 'annual-reports');
  if (!user.agencyId) throw data(null, { status: 403 });
  const organisation = organisationParam(request);
  const years = recentYears(3);
  const year = yearParam(request, years, amsterdamYear() - 1);
  if (!organisation) throw data(null, { status: 404 });
  const form = await request.formData();
  const intent = field(form, 'intent');
  const back = (done: Done) =>
    redirect(`/${params.lang}/annual-reports?${new URLSearchParams({ organisation, year: String(year), done })}`, 303);
  if (intent === 'narrative') {
    const texts = { signals: field(form, 'signals').trim(), advice: field(form, 'advice').trim() };
    if (texts.signals.length > 4000 || texts.advice.length > 4000)
      return data<ActionResult>({ intent, error: 'too-long', texts }, { status: 422 });
    const saved = await writeNarrative(accessToken, user.agencyId, organisation, year, texts);
    if (!saved.ok) return data<ActionResult>({ intent, error: 'refused', status: saved.status, texts }, { status: 409 });
    // Saved; a warning is for the counsellor to weigh, so the page says it where the text is.
    return saved.warnings.length === 0 ? back('saved') : data<ActionResult>({ intent, warnings: saved.warnings, texts });
  }
  if (intent === 'publish') {
    if (!user.roles.includes('coordinator')) throw data(null, { status: 403 });
    const outcome = await publish(accessToken, user.agencyId, organisation, year);
    return outcome.ok ? back('published') : data<ActionResult>({ intent, error: 'refused', status: outcome.status }, { status: 409 });
  }
  throw data(null, { status: 400 });
}

export default function AnnualReports({ loaderData, actionData, params }: Route.ComponentProps) {
  const { intl, day, label } = useFormat();
  const { year, years, organisations, organisation, report, mayPublish, done } = loaderData;
  const title = intl.formatMessage({ id: 'oversight.annual.title' });
  const result = actionData;
  const warningsOf = (f: 'signals' | 'advice') => (result?.warnings ?? []).filter((w) => w.field === f);
  const warningText = (f: 'signals' | 'advice') => {
    const found = warningsOf(f);
    if (found.length === 0) return undefined;
    return found.map((w) => intl.formatMessage({ id: `oversight.annual.warning.${w.rule}` }, { at: w.at + 1 })).join(' ');
  };
  const narrativeError =
    result?.intent === 'narrative' && result.error
      ? intl.formatMessage({ id: `oversight.annual.${result.error}` }, { status: result.status ?? '' })
      : undefined;
  const publishError =
    result?.intent === 'publish' && result.error
      ? intl.formatMessage(
          { id: result.status === 422 ? 'oversight.annual.notOver' : 'oversight.annual.refused' },
          { status: result.status ?? '' },
        )
      : undefined;
  const nameOf = (organisationId: string) =>
    organisations.find((o) => o.organisationId === organisationId)?.name ?? shortId(organisationId);
  const here = organisation ? `/${params.lang}/annual-reports?${new URLSearchParams({ organisation, year: String(year) })}` : '';
  const draft = report?.draft;
  return (
    <main id="content" className="portal-page" tabIndex={-1}>
      <PageTitle title={narrativeError || publishError ? `${intl.formatMessage({ id: 'case.errorTitle' })}: ${title}` : title} />
      <h1 className="utrecht-heading-1">{title}</h1>
      {organisations.length === 0 ? (
        <p className="utrecht-paragraph">
          <FormattedMessage id="oversight.annual.noOrganisations" />
        </p>
      ) : (
        <ChoiceForm
          action={`/${params.lang}/annual-reports`}
          selects={[
            {
              name: 'organisation',
              label: intl.formatMessage({ id: 'oversight.organisation' }),
              value: organisation ?? organisations[0].organisationId,
              options: organisations.map((o) => ({ value: o.organisationId, label: o.name ?? shortId(o.organisationId) })),
            },
            {
              name: 'year',
              label: intl.formatMessage({ id: 'oversight.year' }),
              value: String(year),
              options: years.map((y) => ({ value: String(y), label: String(y) })),
            },
          ]}
          submit={intl.formatMessage({ id: 'oversight.show' })}
        />
      )}
      {done ? (
        <div className="utrecht-alert utrecht-alert--ok portal-notice" role="status">
          <p className="utrecht-paragraph">
            <FormattedMessage id={`oversight.annual.done.${done}`} />
          </p>
        </div>
      ) : null}
      {draft && organisation ? (
        <>
          <h2 className="utrecht-heading-2">
            <FormattedMessage id="oversight.annual.draftOf" values={{ year, organisation: nameOf(organisation) }} />
          </h2>
          <p className="utrecht-paragraph">
            <FormattedMessage id="oversight.annual.draftHint" />
          </p>
          <ReportTables tables={draft.tables} k={draft.k} />
          <section className="portal-section" aria-labelledby="activities">
            <h2 className="utrecht-heading-2" id="activities">
              <FormattedMessage id="oversight.annual.activities" />
            </h2>
            <p className="utrecht-paragraph">
              <FormattedMessage
                id="oversight.annual.hours"
                values={{
                  activities: Math.round(draft.hours.activitiesMinutes / 6) / 10,
                  cases: draft.hours.caseWorkMinutes === null ? '—' : Math.round(draft.hours.caseWorkMinutes / 6) / 10,
                }}
              />
            </p>
            {draft.activities.length === 0 ? (
              <p className="utrecht-paragraph">
                <FormattedMessage id="oversight.annual.noActivities" />
              </p>
            ) : (
              <ul className="portal-list" data-testid="activities">
                {draft.activities.map((a) => (
                  <li key={a.kind}>
                    <FormattedMessage
                      id="oversight.annual.activity"
                      values={{ kind: label('oversight.activity', a.kind), count: a.count, minutes: a.minutes }}
                    />
                  </li>
                ))}
              </ul>
            )}
            <p className="utrecht-paragraph">
              <FormattedMessage id="oversight.annual.activitiesWhere" />
            </p>
            {draft.visibility.low ? (
              <div className="utrecht-alert portal-notice" data-testid="low-visibility">
                <p className="utrecht-paragraph">
                  <FormattedMessage
                    id="oversight.annual.lowVisibility"
                    values={{ suggestions: draft.visibility.suggestions.map((s) => label('oversight.activity', s)).join(', ') }}
                  />
                </p>
              </div>
            ) : null}
          </section>
          <section className="portal-section" aria-labelledby="narrative">
            <h2 className="utrecht-heading-2" id="narrative">
              <FormattedMessage id="oversight.annual.narrative" />
            </h2>
            <p className="utrecht-paragraph">
              <FormattedMessage id="oversight.annual.narrativeHint" values={{ k: draft.k }} />
            </p>
            {result?.warnings?.length ? (
              <div className="utrecht-alert portal-notice" role="status" data-testid="narrative-warnings">
                <p className="utrecht-paragraph">
                  <FormattedMessage id="oversight.annual.savedWithWarnings" />
                </p>
              </div>
            ) : null}
            <Form method="post" action={here} className="portal-form">
              <input type="hidden" name="intent" value="narrative" />
              <FieldError id="narrative-error" text={narrativeError} />
              {(['signals', 'advice'] as const).map((f) => (
                <NarrativeField
                  key={`${f}-${draft.narrative[f].length}`}
                  field={f}
                  label={intl.formatMessage({ id: `oversight.annual.${f}` })}
                  hint={intl.formatMessage({ id: `oversight.annual.${f}Hint` })}
                  warning={warningText(f)}
                  value={result?.texts?.[f] ?? draft.narrative[f]}
                />
              ))}
              <button type="submit" className="utrecht-button utrecht-button--secondary-action">
                <FormattedMessage id="oversight.annual.save" />
              </button>
            </Form>
          </section>
          <section className="portal-section" aria-labelledby="publish">
            <h2 className="utrecht-heading-2" id="publish">
              <FormattedMessage id="oversight.annual.publish" />
            </h2>
            {report.publications.length > 0 ? (
              <ul className="portal-list" data-testid="publications">
                {report.publications.map((p) => (
                  <li key={p.publication}>
                    <FormattedMessage id="oversight.annual.publication" values={{ n: p.publication, day: day(p.publishedOn) }} />{' '}
                    <code dir="ltr">{p.digest.slice(0, 16)}…</code>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="utrecht-paragraph">
                <FormattedMessage id="oversight.annual.notPublished" />
              </p>
            )}
            {mayPublish ? (
              <Form method="post" action={here} className="portal-form">
                <input type="hidden" name="intent" value="publish" />
                <p className="utrecht-paragraph">
                  <FormattedMessage id="oversight.annual.publishHint" />
                </p>
                <FieldError id="publish-error" text={publishError} />
                <button type="submit" className="utrecht-button utrecht-button--primary-action">
                  <FormattedMessage id="oversight.annual.publishSubmit" values={{ year }} />
                </button>
              </Form>
            ) : (
              <p className="utrecht-paragraph">
                <FormattedMessage id="oversight.annual.coordinatorPublishes" />
              </p>
            )}
          </section>
        </>
      ) : null}
    </main>
  );
}

function NarrativeField(props: { field: string; label: string; hint: string; warning?: string; value: string }) {
  const { field, label, hint, warning, value } = props;
  const describedBy = [`${field}-hint`, ...(warning ? [`${field}-warning`] : [])].join(' ');
  return (
    <div className="utrecht-form-field utrecht-form-field--text portal-field">
      <label className="utrecht-form-label utrecht-form-field__label" htmlFor={field}>
        {label}
      </label>
      <div className="utrecht-form-field-description utrecht-form-field__description" id={`${field}-hint`}>
        {hint}
      </div>
      {warning ? (
        <p className="utrecht-form-field-description portal-warning" id={`${field}-warning`} data-testid={`${field}-warning`}>
          {warning}
        </p>
      ) : null}
      <textarea
        className="utrecht-textarea utrecht-form-field__input"
        id={field}
        name={field}
        rows={5}
        maxLength={4000}
        defaultValue={value}
        aria-describedby={describedBy}
      />
    </div>
  );
}
