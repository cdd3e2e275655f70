import { FormattedMessage } from 'react-intl';
import { data, Form, redirect } from 'react-router';
import { agencies, appointCoordinator, changeStatus, registerAgency } from '../api/agencies.server';
import { requireUser } from '../auth/user.server';
import { pageLanguage } from '../i18n/languages';
import { PageTitle, useFormat } from '../ui/format';
import { FieldError } from '../ui/oversight';
import type { Route } from './+types/agencies';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const USERNAME = /^[a-z0-9][a-z0-9._-]{2,62}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DONE = ['registered', 'suspended', 'reinstated', 'appointed'] as const;
type Done = (typeof DONE)[number];

/** The platform admin's agencies (matching's platform API): the list, registering one, suspending, reinstating, a coordinator. */
export async function loader({ request, params }: Route.LoaderArgs) {
  pageLanguage(params.lang);
  const { accessToken } = await requireUser(request, 'agencies');
  const list = await agencies(accessToken);
  const done = new URL(request.url).searchParams.get('done');
  return {
    agencies: list,
    // Chosen here, sent with the form: a registration posted twice makes one agency (matching answers 409 the second time).
    newAgencyId: crypto.randomUUID(),
    done: (DONE as readonly string[]).includes(done ?? '') ? (done as Done) : undefined,
  };
}

function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

type Intent = 'register' | 'suspend' | 'reinstate' | 'appoint';
interface Refused {
  intent: Intent;
  /** The fields in error, each with its message key. */
  errors: Record<string, string>;
  values?: Record<string, string>;
}

export async function action({ request, params }: Route.ActionArgs) {
  pageLanguage(params.lang);
  const { accessToken } = await requireUser(request, 'agencies');
  const form = await request.formData();
  const intent = field(form, 'intent') as Intent;
  const back = (done: Done) => redirect(`/${params.lang}/agencies?done=${done}`, 303);
  const refused = (errors: Record<string, string>, values?: Record<string, string>, status = 422) =>
    data<Refused>({ intent, errors, ...(values ? { values } : {}) }, { status });
  if (intent === 'register') {
    const values = { name: field(form, 'name'), languages: field(form, 'languages'), agencyId: field(form, 'agencyId') };
    const languages = values.languages.split(/[\s,]+/).filter(Boolean);
    const errors: Record<string, string> = {};
    if (!values.name || values.name.length > 200) errors.name = 'oversight.agencies.error.name';
    if (languages.length === 0 || languages.some((l) => !/^[a-z]{2}$/.test(l)) || new Set(languages).size !== languages.length)
      errors.languages = 'oversight.agencies.error.languages';
    if (!UUID.test(values.agencyId)) throw data(null, { status: 400 });
    if (Object.keys(errors).length > 0) return refused(errors, values);
    const outcome = await registerAgency(accessToken, {
      agencyId: values.agencyId,
      name: values.name,
      poolMatching: form.get('poolMatching') === 'on',
      languages,
    });
    if (outcome.ok) return back('registered');
    return refused({ form: outcome.status === 409 ? 'oversight.agencies.error.exists' : 'oversight.agencies.error.refused' }, values, 409);
  }
  if (intent === 'suspend' || intent === 'reinstate') {
    const agencyId = field(form, 'agencyId');
    if (!UUID.test(agencyId)) throw data(null, { status: 400 });
    const outcome = await changeStatus(accessToken, agencyId, intent === 'suspend' ? 'suspension' : 'reinstatement');
    if (outcome.ok) return back(intent === 'suspend' ? 'suspended' : 'reinstated');
    return refused({ [`status-${agencyId}`]: 'oversight.agencies.error.status' }, undefined, 409);
  }
  if (intent === 'appoint') {
    const values = { agencyId: field(form, 'agencyId'), username: field(form, 'username'), email: field(form, 'email') };
    const errors: Record<string, string> = {};
    if (!UUID.test(values.agencyId)) errors.agencyId = 'oversight.agencies.error.agency';
    if (!USERNAME.test(values.username)) errors.username = 'oversight.agencies.error.username';
    if (!EMAIL.test(values.email) || values.email.length > 254) errors.email = 'oversight.agencies.error.email';
    if (Object.keys(errors).length > 0) return refused(errors, values);
    const outcome = await appointCoordinator(accessToken, values.agencyId, { username: values.username, email: values.email });
    if (outcome.ok) return back('appointed');
    return refused(
      { appoint: outcome.status === 409 ? 'oversight.agencies.error.appoint' : 'oversight.agencies.error.refused' },
      values,
      409,
    );
  }
  throw data(null, { status: 400 });
}

export default function AgenciesPage({ loaderData, actionData, params }: Route.ComponentProps) {
  const { intl, day } = useFormat();
  const { agencies: list, newAgencyId, done } = loaderData;
  const refused = actionData;
  const title = intl.formatMessage({ id: 'oversight.agencies.title' });
  const errorOf = (intent: Intent, name: string) =>
    refused?.intent === intent && refused.errors[name] ? intl.formatMessage({ id: refused.errors[name] }) : undefined;
  const valueOf = (intent: Intent, name: string) => (refused?.intent === intent ? refused.values?.[name] : undefined);
  const action = `/${params.lang}/agencies`;
  return (
    <main id="content" className="portal-page" tabIndex={-1}>
      <PageTitle title={refused ? `${intl.formatMessage({ id: 'case.errorTitle' })}: ${title}` : title} />
      <h1 className="utrecht-heading-1">{title}</h1>
      {done ? (
        <div className="utrecht-alert utrecht-alert--ok portal-notice" role="status">
          <p className="utrecht-paragraph">
            <FormattedMessage id={`oversight.agencies.done.${done}`} />
          </p>
        </div>
      ) : null}
      {list.length === 0 ? (
        <p className="utrecht-paragraph">
          <FormattedMessage id="oversight.agencies.none" />
        </p>
      ) : (
        <div className="portal-table-scroll">
          <table className="utrecht-table" data-testid="agencies">
            <caption className="utrecht-table__caption">
              <FormattedMessage id="oversight.agencies.caption" />
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                {[
                  'oversight.agencies.name',
                  'oversight.agencies.status',
                  'oversight.agencies.people',
                  'oversight.agencies.registered',
                  'oversight.agencies.change',
                ].map((id) => (
                  <th key={id} scope="col" className="utrecht-table__header-cell">
                    <FormattedMessage id={id} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {list.map((a) => (
                <tr key={a.agencyId} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell">
                    {a.name}
                  </th>
                  <td className="utrecht-table__cell" data-testid={`status-${a.agencyId}`}>
                    <FormattedMessage id={`oversight.agencies.${a.status}`} />
                  </td>
                  <td className="utrecht-table__cell">
                    <FormattedMessage
                      id="oversight.agencies.counts"
                      values={{ coordinators: a.coordinators, counsellors: a.counsellors, organisations: a.organisations }}
                    />
                  </td>
                  <td className="utrecht-table__cell">{day(a.registeredAt)}</td>
                  <td className="utrecht-table__cell">
                    <Form method="post" action={action}>
                      <input type="hidden" name="intent" value={a.status === 'active' ? 'suspend' : 'reinstate'} />
                      <input type="hidden" name="agencyId" value={a.agencyId} />
                      <FieldError
                        id={`status-error-${a.agencyId}`}
                        text={errorOf(a.status === 'active' ? 'suspend' : 'reinstate', `status-${a.agencyId}`)}
                      />
                      <button type="submit" className="utrecht-button utrecht-button--secondary-action">
                        <FormattedMessage
                          id={a.status === 'active' ? 'oversight.agencies.suspend' : 'oversight.agencies.reinstate'}
                          values={{ name: a.name }}
                        />
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <section className="portal-section" aria-labelledby="register">
        <h2 className="utrecht-heading-2" id="register">
          <FormattedMessage id="oversight.agencies.register" />
        </h2>
        <Form method="post" action={action} className="portal-form">
          <input type="hidden" name="intent" value="register" />
          <input type="hidden" name="agencyId" value={valueOf('register', 'agencyId') ?? newAgencyId} />
          <FieldError id="register-error" text={errorOf('register', 'form')} />
          <TextField
            name="name"
            label={intl.formatMessage({ id: 'oversight.agencies.name' })}
            error={errorOf('register', 'name')}
            value={valueOf('register', 'name')}
          />
          <TextField
            name="languages"
            label={intl.formatMessage({ id: 'oversight.agencies.languages' })}
            hint={intl.formatMessage({ id: 'oversight.agencies.languagesHint' })}
            error={errorOf('register', 'languages')}
            value={valueOf('register', 'languages') ?? 'nl, en'}
          />
          <div className="utrecht-form-field utrecht-form-field--checkbox">
            <input
              className="utrecht-checkbox utrecht-form-field__input"
              type="checkbox"
              id="poolMatching"
              name="poolMatching"
              defaultChecked
            />
            <label className="utrecht-form-label utrecht-form-label--checkbox utrecht-form-field__label" htmlFor="poolMatching">
              <FormattedMessage id="oversight.agencies.pool" />
            </label>
          </div>
          <button type="submit" className="utrecht-button utrecht-button--primary-action">
            <FormattedMessage id="oversight.agencies.registerSubmit" />
          </button>
        </Form>
      </section>

      {list.length > 0 ? (
        <section className="portal-section" aria-labelledby="appoint">
          <h2 className="utrecht-heading-2" id="appoint">
            <FormattedMessage id="oversight.agencies.appoint" />
          </h2>
          <Form method="post" action={action} className="portal-form">
            <input type="hidden" name="intent" value="appoint" />
            <FieldError id="appoint-error" text={errorOf('appoint', 'appoint')} />
            <div className="utrecht-form-field utrecht-form-field--text portal-field">
              <label className="utrecht-form-label utrecht-form-field__label" htmlFor="appoint-agency">
                <FormattedMessage id="oversight.agencies.agency" />
              </label>
              <select
                className="utrecht-select utrecht-select--html-select utrecht-form-field__input"
                id="appoint-agency"
                name="agencyId"
                defaultValue={valueOf('appoint', 'agencyId')}
              >
                {list.map((a) => (
                  <option key={a.agencyId} value={a.agencyId}>
                    {a.name}
                  </option>
                ))}
              </select>
            </div>
            <TextField
              name="username"
              label={intl.formatMessage({ id: 'oversight.agencies.username' })}
              hint={intl.formatMessage({ id: 'oversight.agencies.usernameHint' })}
              error={errorOf('appoint', 'username')}
              value={valueOf('appoint', 'username')}
            />
            <TextField
              name="email"
              type="email"
              label={intl.formatMessage({ id: 'oversight.agencies.email' })}
              error={errorOf('appoint', 'email')}
              value={valueOf('appoint', 'email')}
            />
            <button type="submit" className="utrecht-button utrecht-button--secondary-action">
              <FormattedMessage id="oversight.agencies.appointSubmit" />
            </button>
          </Form>
        </section>
      ) : null}
    </main>
  );
}

function TextField(props: { name: string; label: string; hint?: string; error?: string; value?: string; type?: 'text' | 'email' }) {
  const { name, label, hint, error, value, type = 'text' } = props;
  const describedBy = [...(hint ? [`${name}-hint`] : []), ...(error ? [`${name}-error`] : [])].join(' ') || undefined;
  return (
    <div className={`utrecht-form-field utrecht-form-field--text portal-field${error ? ' utrecht-form-field--invalid' : ''}`}>
      <label className="utrecht-form-label utrecht-form-field__label" htmlFor={name}>
        {label}
      </label>
      {hint ? (
        <div className="utrecht-form-field-description utrecht-form-field__description" id={`${name}-hint`}>
          {hint}
        </div>
      ) : null}
      <FieldError id={`${name}-error`} text={error} />
      <input
        className={`utrecht-textbox utrecht-textbox--html-input utrecht-form-field__input${error ? ' utrecht-textbox--invalid' : ''}`}
        id={name}
        name={name}
        type={type}
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
}
