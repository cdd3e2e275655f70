import { FormattedMessage, useIntl } from 'react-intl';
import { CaseLayout, ShownText, When } from '../follow-up/case-page';
import { caseRoute } from '../follow-up/case-route.server';
import { field } from '../follow-up/forms';
import { isId, postCase, readCase } from '../follow-up/reporter-client.server';
import { casePath } from '../follow-up/paths';
import { redirectWithNotice, takeNotice, withCase } from '../follow-up/session.server';
import type { Route } from './+types/case-consents';

export async function loader({ params, request }: Route.LoaderArgs) {
  const { code, language, organisation, session } = await caseRoute(request, params);
  const { notice } = await takeNotice(session);
  const consents = await withCase(session, code, language, () => readCase(session.data, 'consents'));
  return { code, language, organisation, notice, ...consents };
}

/** Confirms a consent the counsellor recorded from a conversation, or withdraws one; each is one plain form. */
export async function action({ params, request }: Route.ActionArgs) {
  const { code, language, session } = await caseRoute(request, params);
  const form = await request.formData();
  const consentId = field(form, 'consentId');
  const confirming = field(form, 'intent') === 'confirm';
  const here = casePath(code, language, 'consents');
  if (!isId(consentId)) return redirectWithNotice(session, here, 'failed');
  const path = `consents/${consentId}/${confirming ? 'confirmation' : 'withdrawal'}`;
  const status = await withCase(session, code, language, () => postCase(session.data, path));
  if (status === 204) return redirectWithNotice(session, here, confirming ? 'consent-confirmed' : 'consent-withdrawn');
  return redirectWithNotice(
    session,
    here,
    status === 409 || status === 404 ? 'consent-changed' : status === 422 ? 'report-withdrawn' : 'failed',
  );
}

/** What a consent or a legal duty is for: a referral to one target, or a formal report. */
function StepName({ scope, referralType }: { scope: string; referralType: string | null }) {
  const intl = useIntl();
  if (scope !== 'referral') return <FormattedMessage id="case.consents.formalReport" />;
  const known = referralType !== null && intl.messages[`case.referral.${referralType}`] !== undefined;
  const target = intl.formatMessage({ id: known ? `case.referral.${referralType}` : 'case.referral.other' });
  return <FormattedMessage id="case.consents.referral" values={{ target }} />;
}

export default function CaseConsentsRoute({ loaderData }: Route.ComponentProps) {
  const { code, language, organisation, notice, consents, legalDuties } = loaderData;
  const formAction = casePath(code, language, 'consents');
  return (
    <CaseLayout code={code} language={language} organisation={organisation} page="consents" notice={notice}>
      <p className="utrecht-paragraph">
        <FormattedMessage id="case.consents.intro" />
      </p>
      {consents.length === 0 ? (
        <p className="utrecht-paragraph">
          <FormattedMessage id="case.consents.none" />
        </p>
      ) : null}
      {consents.map((c) => (
        <section key={c.consentId} className="site-section site-card" aria-labelledby={`c-${c.consentId}`}>
          <h2 id={`c-${c.consentId}`} className="utrecht-heading-3">
            <StepName scope={c.scope} referralType={c.referralType} />
          </h2>
          <p className="utrecht-paragraph site-meta">
            <FormattedMessage id={c.recordedBy === 'advisor' ? 'case.consents.recordedByCounsellor' : 'case.consents.givenByYou'} />{' '}
            <When at={c.at} />
          </p>
          <p className="utrecht-paragraph" data-testid="consent-status">
            <strong>
              <FormattedMessage id={`case.consents.status.${c.status}`} />
            </strong>
          </p>
          {c.status !== 'withdrawn' ? (
            <div className="site-actions">
              {c.status === 'awaiting-your-confirmation' ? (
                <form method="post" action={formAction}>
                  <input type="hidden" name="intent" value="confirm" />
                  <input type="hidden" name="consentId" value={c.consentId} />
                  <button type="submit" className="utrecht-button utrecht-button--primary-action">
                    <FormattedMessage id="case.consents.confirm" />
                  </button>
                </form>
              ) : null}
              <form method="post" action={formAction}>
                <input type="hidden" name="intent" value="withdraw" />
                <input type="hidden" name="consentId" value={c.consentId} />
                <button type="submit" className="utrecht-button utrecht-button--secondary-action">
                  <FormattedMessage id={c.status === 'given' ? 'case.consents.withdraw' : 'case.consents.refuse'} />
                </button>
              </form>
            </div>
          ) : null}
        </section>
      ))}
      {legalDuties.length > 0 ? (
        <section className="site-section" aria-labelledby="duties-title">
          <h2 id="duties-title" className="utrecht-heading-2">
            <FormattedMessage id="case.consents.duties" />
          </h2>
          {legalDuties.map((d) => (
            <div key={d.dutyId} className="site-card">
              <h3 className="utrecht-heading-3">
                <StepName scope={d.scope} referralType={d.referralType} />
              </h3>
              <p className="utrecht-paragraph site-meta">
                <FormattedMessage id={`case.duty.${d.reason}`} /> <When at={d.invokedAt} />
              </p>
              <ShownText text={d.explanation} />
            </div>
          ))}
        </section>
      ) : null}
    </CaseLayout>
  );
}
