import { FormattedMessage } from 'react-intl';
import { CaseLayout, ShownText, When } from '../follow-up/case-page';
import { caseRoute } from '../follow-up/case-route.server';
import { field } from '../follow-up/forms';
import { isId, postCase, readCase } from '../follow-up/reporter-client.server';
import { casePath } from '../follow-up/paths';
import { redirectWithNotice, takeNotice, withCase } from '../follow-up/session.server';
import type { Route } from './+types/case-identity';

export async function loader({ params, request }: Route.LoaderArgs) {
  const { code, language, organisation, session } = await caseRoute(request, params);
  const { notice } = await takeNotice(session);
  const { identityReveals } = await withCase(session, code, language, () => readCase(session.data, 'identity-reveals'));
  return { code, language, organisation, notice, identityReveals };
}

/** The reporter decides each request to reveal their identity: approve or refuse. */
export async function action({ params, request }: Route.ActionArgs) {
  const { code, language, session } = await caseRoute(request, params);
  const form = await request.formData();
  const revealId = field(form, 'revealId');
  const approving = field(form, 'intent') === 'approve';
  const here = casePath(code, language, 'identity');
  if (!isId(revealId)) return redirectWithNotice(session, here, 'failed');
  const path = `identity-reveals/${revealId}/${approving ? 'approval' : 'refusal'}`;
  const status = await withCase(session, code, language, () => postCase(session.data, path));
  if (status === 204) return redirectWithNotice(session, here, approving ? 'reveal-approved' : 'reveal-refused');
  return redirectWithNotice(session, here, status === 404 || status === 409 ? 'reveal-gone' : 'failed');
}

export default function CaseIdentityRoute({ loaderData }: Route.ComponentProps) {
  const { code, language, organisation, notice, identityReveals } = loaderData;
  const formAction = casePath(code, language, 'identity');
  return (
    <CaseLayout code={code} language={language} organisation={organisation} page="identity" notice={notice}>
      <p className="utrecht-paragraph">
        <FormattedMessage id="case.identity.intro" />
      </p>
      {identityReveals.length === 0 ? (
        <p className="utrecht-paragraph">
          <FormattedMessage id="case.identity.none" />
        </p>
      ) : null}
      {identityReveals.map((r) => (
        <section key={r.revealId} className="site-section site-card" aria-labelledby={`r-${r.revealId}`}>
          <h2 id={`r-${r.revealId}`} className="utrecht-heading-3">
            <FormattedMessage id={`case.identity.viewer.${r.viewer}`} />
          </h2>
          <p className="utrecht-paragraph site-meta">
            <FormattedMessage id="case.identity.requested" /> <When at={r.requestedAt} />
          </p>
          <h3 className="utrecht-heading-4">
            <FormattedMessage id="case.identity.reason" />
          </h3>
          <ShownText text={r.reason} />
          {r.decision ? (
            <p className="utrecht-paragraph" data-testid="reveal-decision">
              <strong>
                <FormattedMessage id={`case.identity.decision.${r.decision}`} />
              </strong>
              {r.decidedBy === 'intake-agreement' ? (
                <>
                  {' '}
                  <FormattedMessage id="case.identity.byAgreement" />
                </>
              ) : null}
            </p>
          ) : (
            <div className="site-actions">
              <form method="post" action={formAction}>
                <input type="hidden" name="intent" value="approve" />
                <input type="hidden" name="revealId" value={r.revealId} />
                <button type="submit" className="utrecht-button utrecht-button--secondary-action">
                  <FormattedMessage id="case.identity.approve" />
                </button>
              </form>
              <form method="post" action={formAction}>
                <input type="hidden" name="intent" value="refuse" />
                <input type="hidden" name="revealId" value={r.revealId} />
                <button type="submit" className="utrecht-button utrecht-button--secondary-action">
                  <FormattedMessage id="case.identity.refuse" />
                </button>
              </form>
            </div>
          )}
        </section>
      ))}
    </CaseLayout>
  );
}
