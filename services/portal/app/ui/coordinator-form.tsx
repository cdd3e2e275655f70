import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import type { Refusal } from '../api/problem.server';

// The coordinator's forms: plain HTML fields in NL Design System classes that post without scripts, and a service's
// refusal (problem+json) shown as an accessible error that names each field it is about.

/** What a refused form sends back to the page: which form, the refusal, and the values to show again. */
export interface FormRefusal {
  intent: string;
  refusal: Refusal;
  values: Record<string, string | string[]>;
}

/** A form's values as the page shows them again after a refusal: text fields and the checked boxes. */
export function valuesOf(form: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    const all = form.getAll(key).filter((v): v is string => typeof v === 'string');
    values[key] = all.length === 1 ? all[0] : all;
  }
  return values;
}

export function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

export function list(form: FormData, name: string): string[] {
  return form.getAll(name).filter((v): v is string => typeof v === 'string' && v.length > 0);
}

/** A whole number from a field; NaN stays NaN so the service names the field. */
export function whole(form: FormData, name: string): number {
  const value = text(form, name);
  return value === '' ? Number.NaN : Number(value);
}

/** Euros as typed (12,50 or 12.50) to cents; NaN when it is not an amount. */
export function cents(form: FormData, name: string): number {
  const value = text(form, name).replace(',', '.');
  return /^\d+(\.\d{1,2})?$/.test(value) ? Math.round(Number(value) * 100) : Number.NaN;
}

/** The refusal's message for one field (its own name or a path under it, e.g. `bands[0].plan` under `bands`). */
export function useFieldError(refused: FormRefusal | undefined, intent: string, name: string, area?: string): string | undefined {
  const intl = useIntl();
  if (!refused || refused.intent !== intent) return undefined;
  const problem = refused.refusal.fields.find((f) => f.field === name || f.field.startsWith(`${name}.`) || f.field.startsWith(`${name}[`));
  return problem ? ruleText(intl, problem.rule, area) : undefined;
}

/**
 * The first message of `<area>.<kind>.<rule>` (a screen's own words, when it passes its area), the coordinator's,
 * and the administration screens' (app/i18n/messages/administration).
 */
function messageKey(intl: ReturnType<typeof useIntl>, kind: 'rule' | 'refusal', rule: string, area?: string): string | undefined {
  return [...(area ? [`${area}.${kind}.${rule}`] : []), `coordinator.${kind}.${rule}`, `administration.${kind}.${rule}`].find(
    (key) => intl.messages[key] !== undefined,
  );
}

function ruleText(intl: ReturnType<typeof useIntl>, rule: string, area?: string): string {
  return intl.formatMessage({ id: messageKey(intl, 'rule', rule, area) ?? 'coordinator.rule.other' });
}

/**
 * The summary of a refused form, first in it: what the service said and, for each field it named, the field's label
 * and what is wrong, linked to the field. Announced (role=alert) when it appears.
 */
export function RefusalSummary({
  refused,
  intent,
  labels,
  area,
}: {
  refused: FormRefusal | undefined;
  intent: string;
  labels: Record<string, string>;
  /** A screen's message area whose `<area>.refusal.*` and `<area>.rule.*` come before the coordinator's. */
  area?: string;
}) {
  const intl = useIntl();
  if (!refused || refused.intent !== intent) return null;
  const { refusal } = refused;
  const ruleKey = refusal.rule ? messageKey(intl, 'refusal', refusal.rule, area) : undefined;
  // 412: the record changed since the form was opened (the form sent its version as If-Match).
  const headline = ruleKey
    ? intl.formatMessage({ id: ruleKey })
    : refusal.status === 412
      ? intl.formatMessage({ id: 'concurrency.stale' })
      : intl.formatMessage({ id: 'coordinator.refusal.generic' }, { status: refusal.status });
  const fieldOf = (path: string) =>
    Object.keys(labels).find((name) => path === name || path.startsWith(`${name}.`) || path.startsWith(`${name}[`));
  return (
    <div className="utrecht-alert utrecht-alert--error portal-notice" role="alert" data-testid={`refusal-${intent}`}>
      <p className="utrecht-paragraph">
        <strong>{headline}</strong>
      </p>
      {refusal.fields.length > 0 ? (
        <ul className="portal-list">
          {refusal.fields.map((f, i) => {
            const name = fieldOf(f.field);
            return (
              <li key={i}>
                {name ? (
                  <a className="utrecht-link" href={`#${intent}-${name}`}>
                    {labels[name]}
                  </a>
                ) : (
                  <span dir="ltr">{f.field}</span>
                )}
                : {ruleText(intl, f.rule, area)}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}

function ErrorText({ id, text }: { id: string; text: string | undefined }) {
  if (!text) return null;
  return (
    <p className="utrecht-form-field-error-message" id={id}>
      {text}
    </p>
  );
}

interface FieldProps {
  intent: string;
  name: string;
  label: string;
  hint?: string;
  refused?: FormRefusal;
  defaultValue?: string;
  type?: 'text' | 'date' | 'number' | 'email';
  required?: boolean;
  ltr?: boolean;
  inputMode?: 'numeric' | 'decimal' | 'text';
  size?: number;
  area?: string;
}

/** A text, number or date field with its label, hint and error; the value typed is shown again after a refusal. */
export function Field(props: FieldProps) {
  const { intent, name, label, hint, refused, type = 'text', required = false, ltr = false, inputMode, size } = props;
  const error = useFieldError(refused, intent, name, props.area);
  const id = `${intent}-${name}`;
  const again = refused?.intent === intent ? refused.values[name] : undefined;
  const value = typeof again === 'string' ? again : props.defaultValue;
  const describedBy = [...(hint ? [`${id}-hint`] : []), ...(error ? [`${id}-error`] : [])].join(' ') || undefined;
  return (
    <div className={`utrecht-form-field utrecht-form-field--text portal-field${error ? ' utrecht-form-field--invalid' : ''}`}>
      <label className="utrecht-form-label utrecht-form-field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div className="utrecht-form-field-description utrecht-form-field__description" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      <ErrorText id={`${id}-error`} text={error} />
      <input
        className={`utrecht-textbox utrecht-form-field__input${error ? ' utrecht-textbox--invalid' : ''}`}
        id={id}
        name={name}
        type={type}
        defaultValue={value}
        required={required}
        dir={ltr ? 'ltr' : undefined}
        inputMode={inputMode}
        size={size}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
}

/** A group of checkboxes (several) or radio buttons (one), in a fieldset with its legend and error. */
export function Choices(props: {
  intent: string;
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  multiple?: boolean;
  refused?: FormRefusal;
  defaultValue?: string[];
  hint?: string;
  area?: string;
}) {
  const { intent, name, legend, options, multiple = true, refused, hint } = props;
  const error = useFieldError(refused, intent, name, props.area);
  const again = refused?.intent === intent ? refused.values[name] : undefined;
  const checked =
    again === undefined ? (refused?.intent === intent ? [] : (props.defaultValue ?? [])) : Array.isArray(again) ? again : [again];
  const id = `${intent}-${name}`;
  const describedBy = [...(hint ? [`${id}-hint`] : []), ...(error ? [`${id}-error`] : [])].join(' ') || undefined;
  return (
    <fieldset className="utrecht-form-fieldset portal-choices" id={id} aria-describedby={describedBy} tabIndex={-1}>
      <legend className="utrecht-form-fieldset__legend">{legend}</legend>
      {hint ? (
        <div className="utrecht-form-field-description" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      <ErrorText id={`${id}-error`} text={error} />
      {options.map((option, i) => (
        <div key={option.value} className={`utrecht-form-field utrecht-form-field--${multiple ? 'checkbox' : 'radio'}`}>
          <input
            className={`${multiple ? 'utrecht-checkbox' : 'utrecht-radio-button utrecht-radio-button--html-input'} utrecht-form-field__input`}
            type={multiple ? 'checkbox' : 'radio'}
            id={`${id}-${i}`}
            name={name}
            value={option.value}
            defaultChecked={checked.includes(option.value)}
          />
          <label
            className={`utrecht-form-label utrecht-form-label--${multiple ? 'checkbox' : 'radio'} utrecht-form-field__label`}
            htmlFor={`${id}-${i}`}
          >
            {option.label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

/** A select with its label and error. */
export function Select(props: {
  intent: string;
  name: string;
  label: string;
  options: { value: string; label: string }[];
  refused?: FormRefusal;
  defaultValue?: string;
  hint?: string;
  area?: string;
}) {
  const { intent, name, label, options, refused, hint } = props;
  const error = useFieldError(refused, intent, name, props.area);
  const id = `${intent}-${name}`;
  const again = refused?.intent === intent ? refused.values[name] : undefined;
  const describedBy = [...(hint ? [`${id}-hint`] : []), ...(error ? [`${id}-error`] : [])].join(' ') || undefined;
  return (
    <div className={`utrecht-form-field utrecht-form-field--text portal-field${error ? ' utrecht-form-field--invalid' : ''}`}>
      <label className="utrecht-form-label utrecht-form-field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div className="utrecht-form-field-description utrecht-form-field__description" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      <ErrorText id={`${id}-error`} text={error} />
      <select
        className="utrecht-select utrecht-form-field__input"
        id={id}
        name={name}
        defaultValue={typeof again === 'string' ? again : props.defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <div className="utrecht-alert utrecht-alert--ok portal-notice" role="status">
      <p className="utrecht-paragraph">{children}</p>
    </div>
  );
}

/** Counsellors by id, for names in lists and explanations; an unknown id (another agency's, one that left) shortened. */
export function nameOf(names: Record<string, string | null>, id: string | null | undefined): string {
  if (!id) return '–';
  return names[id] ?? `${id.slice(0, 8)}…`;
}
