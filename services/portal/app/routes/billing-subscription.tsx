import { data, Form, Link, redirect } from 'react-router';
import { endSubscription, subscribe, subscriptions, type Subscription } from '../api/agency-billing.server';
import { subscriptionBody } from '../api/billing-forms.server';
import { idParam, untilVisible } from '../api/problem.server';
import { requireUser } from '../auth/user.server';
import { pageLanguage } from '../i18n/languages';
import { AREA, Item, useBillingText } from '../ui/billing/billing-text';
import { subscriptionLabels, TermsFields } from '../ui/billing/subscriptions-section';
import { revalidateWhenStale, useAnswerOnceRead, VersionField, versionSent } from '../ui/concurrency';
import { Field, Notice, RefusalSummary, text, valuesOf, type FormRefusal } from '../ui/coordinator-form';
import { PageTitle, useFormat } from '../ui/format';
import type { Route } from './+types/billing-subscription';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

async function subscriptionOf(token: string, agencyId: string, organisationId: string): Promise<Subscription | undefined> {
  return (await subscriptions(token, agencyId)).find((s) => s.organisationId === organisationId);
}

/**
 * One client's subscription (billing `PUT …/subscriptions/:organisationId`, `POST …/end`): its terms changed, or
 * ended on a day after a confirmation step that is its own address (`?endsOn=`), so it works without scripts.
 * An organisation without a subscription of this agency (another agency's too) is no page: 404.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  pageLanguage(params.lang);
  const organisationId = idParam(params.organisationId);
  const { accessToken, user } = await requireUser(request, 'billing');
  if (!user.agencyId) throw data(null, { status: 403 });
  const subscription = await subscriptionOf(accessToken, user.agencyId, organisationId);
  if (!subscription) throw data(null, { status: 404 });
  const query = new URL(request.url).searchParams;
  const endsOn = query.get('endsOn') ?? '';
  const done = query.get('done');
  return {
    subscription,
    confirmEnd: DAY.test(endsOn) && !subscription.endsOn ? endsOn : undefined,
    done: done === 'terms' || done === 'end' ? done : undefined,
  };
}

export const shouldRevalidate = revalidateWhenStale;

export async function action({ request, params }: Route.ActionArgs) {
  pageLanguage(params.lang);
  const organisationId = idParam(params.organisationId);
  const { accessToken, user } = await requireUser(request, 'billing');
  if (!user.agencyId) throw data(null, { status: 403 });
  const agencyId = user.agencyId;
  const subscription = await subscriptionOf(accessToken, agencyId, organisationId);
  if (!subscription) throw data(null, { status: 404 });
  const form = await request.formData();
  const intent = text(form, 'intent');
  const page = `/${params.lang}/billing/subscriptions/${organisationId}`;
  const refused = (outcome: { refusal: FormRefusal['refusal'] }) =>
    data<FormRefusal>({ intent, refusal: outcome.refusal, values: valuesOf(form) }, { status: 422 });
  if (intent === 'terms') {
    // The first day cannot move: the service ignores it for a subscription that exists, the schema still wants it.
    form.set('startsOn', subscription.startsOn);
    const body = subscriptionBody(form);
    const sent = versionSent(form);
    const outcome = await subscribe(accessToken, agencyId, organisationId, body, sent);
    if (!outcome.ok) return refused(outcome);
    // Until the read shows the change and its version, so the page's form carries the version after it.
    await untilVisible(async () => {
      const now = await subscriptionOf(accessToken, agencyId, organisationId);
      return now?.buyerReference === body.buyerReference && (sent === undefined || (now.version ?? -1) > sent);
    });
    return redirect(`${page}?done=terms`, 303);
  }
  if (intent === 'end') {
    const endsOn = text(form, 'endsOn');
    const outcome = await endSubscription(accessToken, agencyId, organisationId, endsOn);
    if (!outcome.ok) return refused(outcome);
    await untilVisible(async () => Boolean((await subscriptionOf(accessToken, agencyId, organisationId))?.endsOn));
    return redirect(`${page}?done=end`, 303);
  }
  throw data(null, { status: 400 });
}

export default function BillingSubscription({ loaderData, actionData: answer, params }: Route.ComponentProps) {
  const actionData = useAnswerOnceRead(answer);
  const { t, intl } = useBillingText();
  const { day } = useFormat();
  const { subscription: s, confirmEnd } = loaderData;
  const title = t('subscriptionTitle', { name: s.address.name });
  const page = `/${params.lang}/billing/subscriptions/${s.organisationId}`;
  return (
    <main id="content" className="portal-page" tabIndex={-1}>
      <PageTitle title={actionData ? `${intl.formatMessage({ id: 'coordinator.errorTitle' })}: ${title}` : title} />
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={`/${params.lang}/billing#subscriptions`}>
          {t('backToBilling')}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{title}</h1>
      {loaderData.done ? <Notice>{t(`done.${loaderData.done}`, { day: s.endsOn ? day(s.endsOn) : '' })}</Notice> : null}
      <dl className="portal-details" data-testid="subscription">
        <Item term={t('startsOn')}>{day(s.startsOn)}</Item>
        <Item term={t('endsOn')}>{s.endsOn ? day(s.endsOn) : t('openEnded')}</Item>
        <Item term={t('invoiceName')}>{s.address.name}</Item>
        <Item term={t('address')}>{`${s.address.street}, ${s.address.postcode} ${s.address.city}`}</Item>
        <Item term={t('buyerReference')}>
          <span dir="ltr">{s.buyerReference}</span>
        </Item>
        <Item term={t('invoiceLanguage')}>{t(`language.${s.language}`)}</Item>
      </dl>

      {s.endsOn ? (
        <p className="utrecht-paragraph">{t('ended')}</p>
      ) : (
        <>
          <section className="portal-section" aria-labelledby="terms">
            <h2 className="utrecht-heading-2" id="terms">
              {t('changeTerms')}
            </h2>
            <p className="utrecht-paragraph">{t('changeTermsHint')}</p>
            <Form method="post" action={page} className="portal-form">
              <input type="hidden" name="intent" value="terms" />
              {s.version !== undefined ? <VersionField version={s.version} /> : null}
              <RefusalSummary refused={actionData} intent="terms" labels={subscriptionLabels(t, false)} area={AREA} />
              <TermsFields intent="terms" refused={actionData} terms={s} />
              <button type="submit" className="utrecht-button utrecht-button--secondary-action">
                {t('changeTermsSubmit')}
              </button>
            </Form>
          </section>

          <section className="portal-section" aria-labelledby="end">
            <h2 className="utrecht-heading-2" id="end">
              {t('endTitle')}
            </h2>
            {confirmEnd && !actionData ? (
              <div className="utrecht-alert utrecht-alert--warning portal-notice" data-testid="confirm-end">
                <p className="utrecht-paragraph">
                  <strong>{t('confirmEnd', { name: s.address.name, day: day(confirmEnd) })}</strong>
                </p>
                <p className="utrecht-paragraph">{t('confirmEndHint')}</p>
                <Form method="post" action={page} className="portal-form">
                  <input type="hidden" name="intent" value="end" />
                  <input type="hidden" name="endsOn" value={confirmEnd} />
                  <button type="submit" className="utrecht-button utrecht-button--primary-action">
                    {t('confirmEndSubmit')}
                  </button>{' '}
                  <Link className="utrecht-link" to={`${page}#end`}>
                    {t('cancel')}
                  </Link>
                </Form>
              </div>
            ) : (
              // A GET form: the day becomes the address of the confirmation, with or without scripts.
              <form method="get" action={`${page}#end`} className="portal-form">
                <RefusalSummary refused={actionData} intent="end" labels={{ endsOn: t('endsOn') }} area={AREA} />
                <Field
                  intent="end"
                  name="endsOn"
                  label={t('endsOn')}
                  hint={t('endsOnHint')}
                  type="date"
                  refused={actionData}
                  area={AREA}
                  required
                />
                <button type="submit" className="utrecht-button utrecht-button--secondary-action">
                  {t('endSubmit')}
                </button>
              </form>
            )}
          </section>
        </>
      )}
    </main>
  );
}
