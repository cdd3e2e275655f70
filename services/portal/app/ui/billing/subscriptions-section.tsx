import { Form, Link } from 'react-router';
import type { Subscription } from '../../api/agency-billing.server';
import { Field, RefusalSummary, Select, type FormRefusal } from '../coordinator-form';
import { useFormat } from '../format';
import { AddressFields, addressLabels, AREA, useBillingText } from './billing-text';

export interface Unsubscribed {
  organisationId: string;
  name: string;
}

/** The subscriptions with a link to change or end each, and the form that starts one for an organisation by name. */
export function SubscriptionsSection(props: {
  subscriptions: Subscription[];
  unsubscribed: Unsubscribed[];
  refused?: FormRefusal;
  action: string;
  lang: string;
  today: string;
}) {
  const { t } = useBillingText();
  const { day, intl } = useFormat();
  const c = (id: string) => intl.formatMessage({ id: `coordinator.billing.${id}` });
  const { subscriptions, refused, lang } = props;
  return (
    <section className="portal-section" aria-labelledby="subscriptions">
      <h2 className="utrecht-heading-2" id="subscriptions">
        {c('subscriptions')}
      </h2>
      {subscriptions.length === 0 ? (
        <p className="utrecht-paragraph">{c('noSubscriptions')}</p>
      ) : (
        <div className="portal-table-scroll">
          <table className="utrecht-table" data-testid="subscriptions">
            <caption className="utrecht-table__caption">{c('subscriptionsCaption')}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                {['client', 'startsOn', 'endsOn', 'buyerReference'].map((id) => (
                  <th key={id} scope="col" className="utrecht-table__header-cell">
                    {c(id)}
                  </th>
                ))}
                <th scope="col" className="utrecht-table__header-cell">
                  {t('manage')}
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {subscriptions.map((s) => (
                <tr key={s.organisationId} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell">
                    <Link className="utrecht-link" to={`/${lang}/organisations/${s.organisationId}`}>
                      {s.address.name}
                    </Link>
                  </th>
                  <td className="utrecht-table__cell">{day(s.startsOn)}</td>
                  <td className="utrecht-table__cell">{s.endsOn ? day(s.endsOn) : '–'}</td>
                  <td className="utrecht-table__cell" dir="ltr">
                    {s.buyerReference}
                  </td>
                  <td className="utrecht-table__cell">
                    <Link className="utrecht-link" to={`/${lang}/billing/subscriptions/${s.organisationId}`}>
                      {t(s.endsOn ? 'viewSubscription' : 'manageSubscription', { name: s.address.name })}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3 className="utrecht-heading-3" id="subscribe">
        {t('subscribe')}
      </h3>
      {props.unsubscribed.length === 0 ? (
        <p className="utrecht-paragraph">{t('everyoneSubscribed')}</p>
      ) : (
        <Form method="post" action={props.action} className="portal-form">
          <input type="hidden" name="intent" value="subscribe" />
          <RefusalSummary refused={refused} intent="subscribe" labels={subscriptionLabels(t, true)} area={AREA} />
          <Select
            intent="subscribe"
            name="organisationId"
            label={t('organisation')}
            refused={refused}
            area={AREA}
            options={[
              { value: '', label: t('chooseOrganisation') },
              ...props.unsubscribed.map((o) => ({ value: o.organisationId, label: o.name })),
            ]}
          />
          <Field
            intent="subscribe"
            name="startsOn"
            label={t('startsOn')}
            hint={t('startsOnHint')}
            type="date"
            refused={refused}
            area={AREA}
            defaultValue={props.today}
            required
          />
          <TermsFields intent="subscribe" refused={refused} />
          <button type="submit" className="utrecht-button utrecht-button--primary-action">
            {t('subscribeSubmit')}
          </button>
        </Form>
      )}
    </section>
  );
}

/** The terms printed on every invoice of a subscription: invoicing name and address, reference and language. */
export function TermsFields({ intent, refused, terms }: { intent: string; refused?: FormRefusal; terms?: Subscription }) {
  const { t } = useBillingText();
  return (
    <>
      <AddressFields intent={intent} prefix="address" refused={refused} values={terms?.address} nameLabel={t('invoiceName')} />
      <Field
        intent={intent}
        name="buyerReference"
        label={t('buyerReference')}
        hint={t('buyerReferenceHint')}
        refused={refused}
        area={AREA}
        defaultValue={terms?.buyerReference}
        ltr
        required
      />
      <Select
        intent={intent}
        name="language"
        label={t('invoiceLanguage')}
        refused={refused}
        area={AREA}
        defaultValue={terms?.language}
        options={['nl', 'en'].map((value) => ({ value, label: t(`language.${value}`) }))}
      />
    </>
  );
}

export function subscriptionLabels(t: (id: string) => string, withOrganisation: boolean): Record<string, string> {
  return {
    ...(withOrganisation ? { organisationId: t('organisation'), startsOn: t('startsOn') } : {}),
    ...addressLabels('address', t('invoiceName'), t),
    buyerReference: t('buyerReference'),
    language: t('invoiceLanguage'),
  };
}
