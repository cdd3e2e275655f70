import type { ReactNode } from 'react';
import { Form } from 'react-router';
import type { BillingAccount } from '../../api/agency-billing.server';
import { Field, RefusalSummary, type FormRefusal } from '../coordinator-form';
import { AddressFields, addressLabels, AREA, Item, useBillingText } from './billing-text';

/**
 * The agency as supplier on its e-invoices (billing `PUT …/billing/account`): the details every invoice prints and
 * the UBL carries (name, address, KvK, VAT id, IBAN), the payment term and the disclosure threshold k.
 */
export function AccountSection({
  account,
  refused,
  action,
}: {
  account: BillingAccount | undefined;
  refused?: FormRefusal;
  action: string;
}) {
  const { t } = useBillingText();
  const supplier = account?.supplier;
  return (
    <section className="portal-section" aria-labelledby="account">
      <h2 className="utrecht-heading-2" id="account">
        {t('account')}
      </h2>
      <p className="utrecht-paragraph">{account ? t('accountHint') : t('noAccount')}</p>
      {supplier ? (
        <dl className="portal-details" data-testid="supplier">
          <Item term={t('supplierName')}>{supplier.name}</Item>
          <Item term={t('address')}>{`${supplier.street}, ${supplier.postcode} ${supplier.city}`}</Item>
          <Item term={t('kvk')}>
            <span dir="ltr">{supplier.kvk}</span>
          </Item>
          <Item term={t('vatId')}>
            <span dir="ltr">{supplier.vatId}</span>
          </Item>
          <Item term={t('iban')}>
            <span dir="ltr">{supplier.iban}</span>
          </Item>
          <Item term={t('paymentTermDays')}>{account?.paymentTermDays}</Item>
          <Item term={t('k')}>{account?.k}</Item>
        </dl>
      ) : null}
      {/* Once set up, the form folds away (a details element: no script); a refused change comes back open. */}
      <Folded folded={Boolean(account) && refused?.intent !== 'account'} summary={t('accountChange')}>
        <AccountForm account={account} refused={refused} action={action} />
      </Folded>
    </section>
  );
}

function Folded({ folded, summary, children }: { folded: boolean; summary: string; children: ReactNode }) {
  if (!folded) return <>{children}</>;
  return (
    <details className="portal-details-toggle">
      <summary>{summary}</summary>
      {children}
    </details>
  );
}

function AccountForm({ account, refused, action }: { account: BillingAccount | undefined; refused?: FormRefusal; action: string }) {
  const { t } = useBillingText();
  const supplier = account?.supplier;
  const labels = {
    ...addressLabels('supplier', t('supplierName'), t),
    'supplier.kvk': t('kvk'),
    'supplier.vatId': t('vatId'),
    'supplier.iban': t('iban'),
    paymentTermDays: t('paymentTermDays'),
    k: t('k'),
  };
  const common = { intent: 'account', refused, area: AREA };
  return (
    <Form method="post" action={action} className="portal-form">
      <input type="hidden" name="intent" value="account" />
      <RefusalSummary refused={refused} intent="account" labels={labels} area={AREA} />
      <AddressFields intent="account" prefix="supplier" refused={refused} values={supplier} nameLabel={t('supplierName')} />
      <Field
        {...common}
        name="supplier.kvk"
        label={t('kvk')}
        hint={t('kvkHint')}
        defaultValue={supplier?.kvk}
        inputMode="numeric"
        ltr
        required
      />
      <Field {...common} name="supplier.vatId" label={t('vatId')} hint={t('vatIdHint')} defaultValue={supplier?.vatId} ltr required />
      <Field {...common} name="supplier.iban" label={t('iban')} hint={t('ibanHint')} defaultValue={supplier?.iban} ltr required />
      <Field
        {...common}
        name="paymentTermDays"
        label={t('paymentTermDays')}
        hint={t('paymentTermDaysHint')}
        type="number"
        defaultValue={String(account?.paymentTermDays ?? 30)}
        required
      />
      <Field {...common} name="k" label={t('k')} hint={t('kHint')} type="number" defaultValue={String(account?.k ?? 5)} />
      <button type="submit" className="utrecht-button utrecht-button--primary-action">
        {account ? t('accountSave') : t('accountOpen')}
      </button>
    </Form>
  );
}
