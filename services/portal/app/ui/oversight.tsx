import { FormattedMessage, useIntl } from 'react-intl';

// Small pieces the oversight screens share: a year (and more) chosen by a GET form that works without scripts, a
// field's error, and a "not shown" mark with its legend.

/** A GET form of select boxes and a submit button: with scripts or without, the choice becomes the address. */
export function ChoiceForm(props: {
  action: string;
  selects: { name: string; label: string; value: string; options: { value: string; label: string }[] }[];
  submit: string;
}) {
  return (
    <form method="get" action={props.action} className="portal-form portal-choice">
      {props.selects.map((select) => (
        <div key={select.name} className="utrecht-form-field utrecht-form-field--text portal-field">
          <label className="utrecht-form-label utrecht-form-field__label" htmlFor={`choice-${select.name}`}>
            {select.label}
          </label>
          <select
            className="utrecht-select utrecht-select--html-select utrecht-form-field__input"
            id={`choice-${select.name}`}
            name={select.name}
            defaultValue={select.value}
          >
            {select.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      ))}
      <button type="submit" className="utrecht-button utrecht-button--secondary-action">
        {props.submit}
      </button>
    </form>
  );
}

export function FieldError({ id, text }: { id: string; text: string | undefined }) {
  if (!text) return null;
  return (
    <p className="utrecht-form-field-error-message" id={id} role="alert">
      {text}
    </p>
  );
}

/** A figure the service did not publish: "—" (or "< k"), described by the page's legend; no value is in the page. */
export function NotShown({ k, legend = 'oversight-legend' }: { k?: number; legend?: string }) {
  const intl = useIntl();
  return (
    <span aria-describedby={legend} data-suppressed="" title={intl.formatMessage({ id: 'oversight.notShown.label' })}>
      {k === undefined ? '—' : <FormattedMessage id="report.suppressed" values={{ k }} />}
    </span>
  );
}

/** A short form of an id for tables; the whole id stays in links and titles. */
export const shortId = (value: string) => value.slice(0, 8);
