import { createContext, useContext, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { Form } from 'react-router';

// The case page's step forms: each a plain POST with its `intent` that works without scripts (the action redirects
// back on success: post-redirect-get). A refused form comes back with each wrong field named in its error text,
// tied to the field (`aria-describedby`, `aria-invalid`), and what was typed kept.

export type FieldError = 'required' | 'day' | 'minutes' | 'choice' | 'long' | 'long500' | 'invalid' | 'rule';

export interface StepRefusal {
  /** The form on the page: its intent, and for a form per item `intent:itemId`. */
  form: string;
  errors: Record<string, FieldError>;
  values: Record<string, string>;
  /** The case service's refusal: its status and the rule it named. */
  status?: number;
  rule?: string;
}

interface Current {
  form: string;
  refusal: StepRefusal | undefined;
}
const CurrentForm = createContext<Current>({ form: '', refusal: undefined });

/** One step's form. `item` names the summary or plan the form is about (its fields' ids include it). */
export function StepForm(props: {
  intent: string;
  item?: string;
  action: string;
  refusal: StepRefusal | undefined;
  submit: string;
  secondary?: boolean;
  children?: ReactNode;
  legend?: string;
  /** The hidden field that carries `item` (default: the summary's or aftercare plan's id). */
  itemField?: string;
}) {
  const intl = useIntl();
  const form = props.item ? `${props.intent}:${props.item}` : props.intent;
  const refusal = props.refusal?.form === form ? props.refusal : undefined;
  const fieldless = refusal && Object.keys(refusal.errors).length === 0;
  const ruleText = refusal?.rule && intl.messages[`casework.rule.${refusal.rule}`] !== undefined;
  const general = fieldless
    ? ruleText
      ? intl.formatMessage({ id: `casework.rule.${refusal.rule}` })
      : intl.formatMessage({ id: 'casework.refused' }, { status: refusal.status ?? '' })
    : undefined;
  const generalId = `${domId(form)}-error`;
  return (
    <CurrentForm.Provider value={{ form, refusal }}>
      {/* Keyed by the refusal: a refused form shows what was typed; a new form starts empty. */}
      <Form method="post" action={props.action} className="portal-form" aria-describedby={general ? generalId : undefined}>
        <input type="hidden" name="intent" value={props.intent} />
        {props.item ? (
          <input
            type="hidden"
            name={props.itemField ?? (props.intent === 'aftercare-done' ? 'aftercareId' : 'summaryId')}
            value={props.item}
          />
        ) : null}
        {general ? (
          <p className="utrecht-form-field-error-message" id={generalId} role="alert">
            {general}
          </p>
        ) : null}
        {props.children}
        <button
          type="submit"
          className={`utrecht-button utrecht-button--${props.secondary ? 'secondary' : 'primary'}-action`}
          aria-describedby={general ? generalId : undefined}
        >
          {props.submit}
        </button>
      </Form>
    </CurrentForm.Provider>
  );
}

const domId = (form: string) => form.replace(/[^A-Za-z0-9-]/g, '-');

function useField(name: string, label: string) {
  const intl = useIntl();
  const { form, refusal } = useContext(CurrentForm);
  const id = `${domId(form)}-${name}`;
  const code = refusal?.errors[name];
  const error = code
    ? code === 'rule' && refusal?.rule && intl.messages[`casework.rule.${refusal.rule}`] !== undefined
      ? `${label}: ${intl.formatMessage({ id: `casework.rule.${refusal.rule}` })}`
      : intl.formatMessage({ id: `casework.error.${code === 'rule' ? 'invalid' : code}` }, { field: label })
    : undefined;
  return { id, error, value: refusal?.values[name] };
}

function Wrapper(props: { id: string; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div
      className={`utrecht-form-field utrecht-form-field--text portal-field portal-step-field${props.error ? ' utrecht-form-field--invalid' : ''}`}
    >
      <label className="utrecht-form-label utrecht-form-field__label" htmlFor={props.id}>
        {props.label}
      </label>
      {props.hint ? (
        <div className="utrecht-form-field-description utrecht-form-field__description" id={`${props.id}-hint`}>
          {props.hint}
        </div>
      ) : null}
      {props.error ? (
        <p className="utrecht-form-field-error-message" id={`${props.id}-error`} role="alert">
          {props.error}
        </p>
      ) : null}
      {props.children}
    </div>
  );
}

const describedBy = (id: string, hint: string | undefined, error: string | undefined) =>
  [...(hint ? [`${id}-hint`] : []), ...(error ? [`${id}-error`] : [])].join(' ') || undefined;

export function TextAreaField(props: { name: string; label: string; hint?: string; rows?: number }) {
  const { id, error, value } = useField(props.name, props.label);
  return (
    <Wrapper id={id} label={props.label} hint={props.hint} error={error}>
      <textarea
        className={`utrecht-textarea utrecht-form-field__input${error ? ' utrecht-textarea--invalid' : ''}`}
        id={id}
        name={props.name}
        rows={props.rows ?? 4}
        maxLength={10_000}
        defaultValue={value}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, props.hint, error)}
      />
    </Wrapper>
  );
}

export function InputField(props: { name: string; label: string; hint?: string; type: 'date' | 'number'; max?: string }) {
  const { id, error, value } = useField(props.name, props.label);
  const numeric = props.type === 'number';
  return (
    <Wrapper id={id} label={props.label} hint={props.hint} error={error}>
      <input
        className={`utrecht-textbox utrecht-form-field__input portal-textbox--short${error ? ' utrecht-textbox--invalid' : ''}`}
        id={id}
        name={props.name}
        type={props.type}
        dir="ltr"
        {...(numeric ? { min: 1, max: 1440, step: 1, inputMode: 'numeric' as const } : props.max ? { max: props.max } : {})}
        defaultValue={value}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, props.hint, error)}
      />
    </Wrapper>
  );
}

export function SelectField(props: {
  name: string;
  label: string;
  hint?: string;
  options: { value: string; label: string }[];
  optional?: boolean;
}) {
  const intl = useIntl();
  const { id, error, value } = useField(props.name, props.label);
  return (
    <Wrapper id={id} label={props.label} hint={props.hint} error={error}>
      <select
        className={`utrecht-select utrecht-form-field__input${error ? ' utrecht-select--invalid' : ''}`}
        id={id}
        name={props.name}
        defaultValue={value ?? ''}
        required={!props.optional}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, props.hint, error)}
      >
        <option value="">{intl.formatMessage({ id: 'casework.choose' })}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Wrapper>
  );
}
