import { createContext, useContext, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { FieldError } from '../intake/report-form';

/** The element an error summary links to: the field itself, or a group's first option. */
export function anchorOf(field: string, grouped: boolean): string {
  return grouped ? `${field}-0` : field;
}

export function ErrorMessage({ field, error }: { field: string; error?: FieldError }) {
  if (!error) return null;
  return (
    <p className="utrecht-form-field-error-message" id={`${field}-error`}>
      <ErrorText error={error} />
    </p>
  );
}

/** The page's questions (from intake, in the page's language), which error sentences name. */
export const Questions = createContext<Record<string, string>>({});

/** A field error's sentence, naming the question it is about. */
export function ErrorText({ error }: { error: FieldError }) {
  const intl = useIntl();
  const question = useContext(Questions)[error.question] ?? '';
  return <>{intl.formatMessage({ id: error.message }, { question, ...error.values })}</>;
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter((id): id is string => typeof id === 'string');
  return list.length > 0 ? list.join(' ') : undefined;
}

function Requirement({ required }: { required: boolean }) {
  return (
    <span className="site-requirement">
      {' ('}
      <FormattedMessage id={required ? 'form.required' : 'form.optional'} />
      {')'}
    </span>
  );
}

interface GroupProps {
  field: string;
  legend: string;
  options: { value: string; label: ReactNode; description?: string }[];
  value?: string;
  required: boolean;
  error?: FieldError;
}

/** A question with one answer: a fieldset of radio buttons, its error after the legend and named by the group. */
export function RadioGroup({ field, legend, options, value, required, error }: GroupProps) {
  return (
    <fieldset
      className={`utrecht-form-fieldset site-field${error ? ' utrecht-form-fieldset--invalid' : ''}`}
      aria-describedby={describedBy(error && `${field}-error`)}
      aria-invalid={error ? true : undefined}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--distanced">
        {legend}
        <Requirement required={required} />
      </legend>
      <ErrorMessage field={field} error={error} />
      {options.map((option, i) => (
        <div key={option.value} className="utrecht-form-field utrecht-form-field--radio">
          <input
            className="utrecht-radio-button utrecht-form-field__input"
            type="radio"
            id={`${field}-${i}`}
            name={field}
            value={option.value}
            defaultChecked={value === option.value}
            required={required}
            aria-describedby={describedBy(option.description !== undefined && `${field}-${i}-description`)}
          />
          <label className="utrecht-form-label utrecht-form-label--radio utrecht-form-field__label" htmlFor={`${field}-${i}`}>
            {option.label}
          </label>
          {option.description !== undefined ? (
            <div className="utrecht-form-field-description utrecht-form-field__description" id={`${field}-${i}-description`}>
              {option.description}
            </div>
          ) : null}
        </div>
      ))}
    </fieldset>
  );
}

interface TextProps {
  field: string;
  label: string;
  value?: string;
  required: boolean;
  error?: FieldError;
  hint?: string;
  type?: 'text' | 'email' | 'tel';
  multiline?: boolean;
  autoComplete?: string;
}

/** A labelled text input or text area, its hint and error named by aria-describedby, its value kept. */
export function TextField({
  field,
  label,
  value,
  required,
  error,
  hint,
  type = 'text',
  multiline = false,
  autoComplete = 'off',
}: TextProps) {
  const shared = {
    id: field,
    name: field,
    defaultValue: value,
    required,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(hint !== undefined && `${field}-hint`, error && `${field}-error`),
  };
  return (
    <div className={`utrecht-form-field utrecht-form-field--text site-field${error ? ' utrecht-form-field--invalid' : ''}`}>
      <label className="utrecht-form-label utrecht-form-field__label" htmlFor={field}>
        {label}
        <Requirement required={required} />
      </label>
      {hint !== undefined ? (
        <div className="utrecht-form-field-description utrecht-form-field__description" id={`${field}-hint`}>
          {hint}
        </div>
      ) : null}
      <ErrorMessage field={field} error={error} />
      {multiline ? (
        <textarea
          className={`utrecht-textarea utrecht-form-field__input${error ? ' utrecht-textarea--invalid' : ''}`}
          rows={10}
          {...shared}
        />
      ) : (
        <input
          className={`utrecht-textbox utrecht-form-field__input${error ? ' utrecht-textbox--invalid' : ''}`}
          type={type}
          autoComplete={autoComplete}
          {...shared}
        />
      )}
    </div>
  );
}
