import { useFieldError, type FormRefusal } from '../coordinator-form';

/** A text area with its label, hint and error, in the coordinator forms' way; the text typed is kept after a refusal. */
export function TextArea(props: {
  intent: string;
  name: string;
  label: string;
  hint?: string;
  refused: FormRefusal | undefined;
  defaultValue?: string;
}) {
  const { intent, name, label, hint, refused } = props;
  const id = `${intent}-${name}`;
  const error = useFieldError(refused, intent, name);
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
      {error ? (
        <p className="utrecht-form-field-error-message" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <textarea
        className={`utrecht-textarea utrecht-form-field__input${error ? ' utrecht-textarea--invalid' : ''}`}
        id={id}
        name={name}
        rows={4}
        defaultValue={typeof again === 'string' ? again : props.defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
}
