import { FormattedMessage, useIntl } from 'react-intl';
import { anchorOf, ErrorText, Questions, RadioGroup, TextField } from '../ui/fields';
import type { IntakePage } from './intake-page';
import { ACCOUNT_MAX, FIELDS, type Field, type FieldError, type FormValues } from './report-form';

export type FormNotice = { kind: 'out-of-scope'; text: string } | { kind: 'busy'; minutes: number } | { kind: 'failed' };

const GROUPED: readonly Field[] = ['theme', 'relation', 'anonymity', 'contactChannel', 'advisorGender', 'counsellorId', 'consent'];

interface Props {
  page: IntakePage;
  action: string;
  values: FormValues;
  errors: FieldError[];
}

/** The report form: a plain POST that works without script; each field's error beside it, its value kept. */
export function ReportForm({ page, action, values, errors }: Props) {
  const intl = useIntl();
  const q = page.questions;
  const errorOf = (field: Field) => errors.find((e) => e.field === field);
  const choices = (list: { value: string; label: string }[]) => list.map((c) => ({ value: c.value, label: c.label }));
  return (
    <Questions.Provider value={q}>
      <section className="site-section site-report" aria-labelledby="report-title">
        <h2 id="report-title" className="utrecht-heading-2">
          <FormattedMessage id="form.title" />
        </h2>
        <form id="report" className="site-form" method="post" action={action} noValidate>
          <RadioGroup
            field="theme"
            legend={q.theme}
            options={page.themes.map((t) => ({ value: t.theme, label: t.label }))}
            value={values.theme}
            required
            error={errorOf('theme')}
          />
          <RadioGroup
            field="relation"
            legend={q.relation}
            options={choices(page.relations)}
            value={values.relation}
            required
            error={errorOf('relation')}
          />
          <TextField
            field="account"
            label={q.account}
            hint={intl.formatMessage({ id: 'form.accountHint' }, { max: ACCOUNT_MAX })}
            value={values.account}
            required
            multiline
            error={errorOf('account')}
          />
          <RadioGroup
            field="anonymity"
            legend={q.anonymity}
            options={choices(page.anonymity)}
            value={values.anonymity}
            required
            error={errorOf('anonymity')}
          />
          <TextField
            field="identityName"
            label={q.identityName}
            value={values.identityName}
            required={false}
            error={errorOf('identityName')}
          />
          <RadioGroup
            field="contactChannel"
            legend={q.contactChannel}
            options={choices(page.contactOptions)}
            value={values.contactChannel}
            required
            error={errorOf('contactChannel')}
          />
          <TextField
            field="email"
            label={q.email}
            type="email"
            autoComplete="email"
            value={values.email}
            required={false}
            error={errorOf('email')}
          />
          <TextField
            field="phone"
            label={q.phone}
            type="tel"
            autoComplete="tel"
            value={values.phone}
            required={false}
            error={errorOf('phone')}
          />
          <RadioGroup
            field="advisorGender"
            legend={q.advisorGender}
            options={choices(page.advisorGenders)}
            value={values.advisorGender}
            required={false}
            error={errorOf('advisorGender')}
          />
          {page.counsellors.length > 0 ? (
            <RadioGroup
              field="counsellorId"
              legend={q.advisorChoice}
              options={[
                { value: '', label: intl.formatMessage({ id: 'form.noCounsellorChoice' }) },
                ...page.counsellors.map((c) => ({ value: c.counsellorId, label: c.name, description: c.kindLabel })),
              ]}
              value={values.counsellorId ?? ''}
              required={false}
              error={errorOf('counsellorId')}
            />
          ) : null}
          <section className="site-consent" aria-labelledby="consent-title">
            <h3 id="consent-title" className="utrecht-heading-3">
              {page.consent.title}
            </h3>
            {page.consent.paragraphs.map((p) => (
              <p key={p} className="utrecht-paragraph">
                {p}
              </p>
            ))}
            <RadioLikeConsent page={page} checked={values.consent === page.consent.version} error={errorOf('consent')} />
          </section>
          <button type="submit" className="utrecht-button utrecht-button--primary-action">
            <FormattedMessage id="form.submit" />
          </button>
        </form>
      </section>
    </Questions.Provider>
  );
}

function RadioLikeConsent({ page, checked, error }: { page: IntakePage; checked: boolean; error?: FieldError }) {
  return (
    <div className={`utrecht-form-field utrecht-form-field--checkbox site-field${error ? ' utrecht-form-field--invalid' : ''}`}>
      {error ? (
        <p className="utrecht-form-field-error-message" id="consent-error">
          <ErrorText error={error} />
        </p>
      ) : null}
      <input
        className="utrecht-checkbox utrecht-checkbox--html-input utrecht-form-field__input"
        type="checkbox"
        id="consent-0"
        name="consent"
        value={page.consent.version}
        defaultChecked={checked}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'consent-error' : undefined}
      />
      <label className="utrecht-form-label utrecht-form-label--checkbox utrecht-form-field__label" htmlFor="consent-0">
        {page.questions.consent}
      </label>
    </div>
  );
}

/**
 * What went wrong with a posted form, first thing on the page (a page loaded without script opens at its top):
 * intake's refusal, or each field's problem linked to the field.
 */
export function FormProblems({
  questions,
  errors,
  notice,
}: {
  questions: Record<string, string>;
  errors: FieldError[];
  notice?: FormNotice;
}) {
  return (
    <Questions.Provider value={questions}>
      <Notice notice={notice} />
      <ErrorSummary errors={errors} />
    </Questions.Provider>
  );
}

function ErrorSummary({ errors }: { errors: FieldError[] }) {
  if (errors.length === 0) return null;
  const ordered = [...errors].sort((a, b) => FIELDS.indexOf(a.field) - FIELDS.indexOf(b.field));
  return (
    <div className="site-error-summary utrecht-alert utrecht-alert--error" role="alert" aria-labelledby="error-summary-title">
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          <h3 id="error-summary-title" className="utrecht-heading-3">
            <FormattedMessage id="errors.summary" values={{ count: errors.length }} />
          </h3>
          <ul className="utrecht-unordered-list">
            {ordered.map((error) => (
              <li key={error.field} className="utrecht-unordered-list__item">
                <a className="utrecht-link" href={`#${anchorOf(error.field, GROUPED.includes(error.field))}`}>
                  <ErrorText error={error} />
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

function Notice({ notice }: { notice?: FormNotice }) {
  const intl = useIntl();
  if (!notice) return null;
  const text =
    notice.kind === 'out-of-scope'
      ? notice.text
      : notice.kind === 'busy'
        ? intl.formatMessage({ id: 'errors.busy' }, { minutes: notice.minutes })
        : intl.formatMessage({ id: 'errors.failed' });
  return (
    <div className={`utrecht-alert ${notice.kind === 'out-of-scope' ? 'utrecht-alert--warning' : 'utrecht-alert--error'}`} role="alert">
      <div className="utrecht-alert__content">
        <p className="utrecht-alert__message utrecht-paragraph">{text}</p>
      </div>
    </div>
  );
}
