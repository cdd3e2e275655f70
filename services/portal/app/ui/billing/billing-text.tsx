import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { Field, Select, type FormRefusal } from '../coordinator-form';

// Pieces the billing screens share: their messages (area `billing`), a term and its value, and the fields of an
// address as the e-invoice prints it.

export const AREA = 'billing';

export function useBillingText() {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id: `billing.${id}` }, values);
  const euros = (c: number) => intl.formatNumber(c / 100, { style: 'currency', currency: 'EUR' });
  /**
   * A message (by its whole id) with document numbers in it (`2026-000042`), each kept left to right in its own element: inside Arabic
   * text the digits around the hyphen would otherwise swap places.
   */
  const tn = (id: string, numbers: Record<string, string>, values: Record<string, string | number> = {}): ReactNode => {
    const isolated = Object.fromEntries(
      Object.entries(numbers).map(([name, number]) => [
        name,
        <span dir="ltr" key={name}>
          {number}
        </span>,
      ]),
    );
    return intl.formatMessage({ id }, { ...values, ...isolated });
  };
  return { t, tn, euros, intl };
}

export function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Name, street, postcode, city and country under a prefix (`supplier`, `address`): the service's field paths. */
export function AddressFields(props: {
  intent: string;
  prefix: string;
  refused: FormRefusal | undefined;
  values?: { name?: string; street?: string; postcode?: string; city?: string };
  nameLabel: string;
}) {
  const { t } = useBillingText();
  const { intent, prefix, refused, values = {} } = props;
  const common = { intent, refused, area: AREA, required: true };
  return (
    <>
      <Field {...common} name={`${prefix}.name`} label={props.nameLabel} defaultValue={values.name} />
      <Field {...common} name={`${prefix}.street`} label={t('street')} hint={t('streetHint')} defaultValue={values.street} />
      <Field
        {...common}
        name={`${prefix}.postcode`}
        label={t('postcode')}
        hint={t('postcodeHint')}
        defaultValue={values.postcode}
        ltr
        size={8}
      />
      <Field {...common} name={`${prefix}.city`} label={t('city')} defaultValue={values.city} />
      <Select
        intent={intent}
        refused={refused}
        area={AREA}
        name={`${prefix}.country`}
        label={t('country')}
        options={[{ value: 'NL', label: t('countryNL') }]}
      />
    </>
  );
}

/** The labels of the address fields for a refusal's summary, by the service's field paths. */
export function addressLabels(prefix: string, nameLabel: string, t: (id: string) => string): Record<string, string> {
  return {
    [`${prefix}.name`]: nameLabel,
    [`${prefix}.street`]: t('street'),
    [`${prefix}.postcode`]: t('postcode'),
    [`${prefix}.city`]: t('city'),
    [`${prefix}.country`]: t('country'),
  };
}
