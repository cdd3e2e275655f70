import { FormattedMessage, useIntl } from 'react-intl';
import { data, redirect } from 'react-router';
import { checkLogin, plausiblePair, waitOf, type Problem } from '../follow-up/forms';
import { openFollowUp } from '../follow-up/reporter-client.server';
import { casePath } from '../follow-up/paths';
import { startSession } from '../follow-up/session.server';
import { fetchIntakePage } from '../intake/intake-client.server';
import { clientAddressOf } from '@vertrouwd/web-kit';
import { languageOf } from '../i18n/languages';
import { LanguageSwitch } from '../ui/language-switch';
import { PageTitle } from '../ui/page-title';
import { FieldProblem, invalidProps, NoticeBox, ProblemSummary } from '../ui/problems';
import type { Route } from './+types/follow-up';

async function pageOf(params: Route.LoaderArgs['params']) {
  const language = languageOf(params.lang);
  const page = language && (await fetchIntakePage(params.code, language));
  if (!language || !page) throw data(null, { status: 404 });
  return { language, organisation: page.organisation.name };
}

export async function loader({ params, request }: Route.LoaderArgs) {
  const reason = new URL(request.url).searchParams.get('reason');
  return { ...(await pageOf(params)), reason: reason === 'ended' || reason === 'logged-out' ? reason : undefined };
}

interface Refused {
  receiptCode: string;
  problems: Problem[];
  wait?: { unit: 'seconds' | 'minutes'; count: number };
  failed?: boolean;
}

/**
 * Receipt code and passphrase to intake; a match starts a server-side session under a new id and redirects to the
 * case (post-redirect-get). The passphrase is never sent back to the browser, not even in a refused form.
 */
export async function action({ params, request }: Route.ActionArgs) {
  const { language } = await pageOf(params);
  const { receiptCode, passphrase, problems } = checkLogin(await request.formData());
  if (problems.length > 0) return data<Refused>({ receiptCode, problems }, { status: 422 });
  const noMatch = data<Refused>({ receiptCode, problems: [{ field: 'receiptCode', message: 'login.errors.noMatch' }] }, { status: 401 });
  if (!plausiblePair(receiptCode, passphrase)) return noMatch;
  const opened = await openFollowUp(receiptCode, passphrase, clientAddressOf(request));
  switch (opened.kind) {
    case 'opened': {
      const cookie = await startSession(request, { code: params.code, caseId: opened.caseId, token: opened.token }, opened.expiresIn);
      return redirect(casePath(params.code, language), { status: 303, headers: { 'Set-Cookie': cookie } });
    }
    case 'no-match':
      return noMatch;
    case 'busy':
      return data<Refused>(
        { receiptCode, problems: [], wait: waitOf(opened.retryAfterSeconds) },
        { status: 429, headers: { 'Retry-After': String(opened.retryAfterSeconds) } },
      );
    case 'failed':
      return data<Refused>({ receiptCode, problems: [], failed: true }, { status: 502 });
  }
}

export default function FollowUpRoute({ loaderData, actionData, params }: Route.ComponentProps) {
  const { language, organisation, reason } = loaderData;
  const intl = useIntl();
  const problems = actionData?.problems ?? [];
  const title = intl.formatMessage({ id: 'login.title' });
  return (
    <>
      <PageTitle title={title} organisation={organisation} failed={problems.length > 0 || actionData?.wait !== undefined} />
      <a className="site-skip-link utrecht-link" href="#main">
        <FormattedMessage id="case.skipLink" />
      </a>
      <LanguageSwitch current={language} hrefOf={(l) => `/${params.code}/${l}/follow-up`} />
      <main id="main" tabIndex={-1} className="site-page">
        <ProblemSummary problems={problems} />
        {actionData?.wait ? (
          <NoticeBox kind="error">
            <FormattedMessage id="login.errors.busy" values={actionData.wait} />
          </NoticeBox>
        ) : null}
        {actionData?.failed ? (
          <NoticeBox kind="error">
            <FormattedMessage id="login.errors.failed" />
          </NoticeBox>
        ) : null}
        {reason && !actionData ? (
          <NoticeBox kind={reason === 'ended' ? 'warning' : 'ok'}>
            <FormattedMessage id={reason === 'ended' ? 'login.ended' : 'login.loggedOut'} />
          </NoticeBox>
        ) : null}
        <h1 className="utrecht-heading-1">{title}</h1>
        <p className="utrecht-paragraph">
          <FormattedMessage id="login.intro" values={{ organisation }} />
        </p>
        <form className="site-form" method="post" action={`/${params.code}/${language}/follow-up`} noValidate>
          <div className={`utrecht-form-field utrecht-form-field--text site-field${problems.length ? ' utrecht-form-field--invalid' : ''}`}>
            <label className="utrecht-form-label utrecht-form-field__label" htmlFor="receiptCode">
              <FormattedMessage id="receipt.code" />
            </label>
            <div className="utrecht-form-field-description utrecht-form-field__description" id="receiptCode-hint">
              <FormattedMessage id="login.receiptCodeHint" />
            </div>
            <FieldProblem field="receiptCode" problems={problems} />
            <input
              className="utrecht-textbox utrecht-form-field__input site-code-input"
              id="receiptCode"
              name="receiptCode"
              type="text"
              dir="ltr"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              required
              defaultValue={actionData?.receiptCode}
              {...invalidProps('receiptCode', problems, 'receiptCode-hint')}
            />
          </div>
          <div className="utrecht-form-field utrecht-form-field--text site-field">
            <label className="utrecht-form-label utrecht-form-field__label" htmlFor="passphrase">
              <FormattedMessage id="receipt.passphrase" />
            </label>
            <FieldProblem field="passphrase" problems={problems} />
            <input
              className="utrecht-textbox utrecht-form-field__input site-code-input"
              id="passphrase"
              name="passphrase"
              type="password"
              dir="ltr"
              autoComplete="off"
              spellCheck={false}
              required
              {...invalidProps('passphrase', problems)}
            />
          </div>
          <button type="submit" className="utrecht-button utrecht-button--primary-action">
            <FormattedMessage id="login.submit" />
          </button>
        </form>
        <p className="utrecht-paragraph site-section">
          <FormattedMessage id="login.lost" />
        </p>
        <p className="utrecht-paragraph">
          <a className="utrecht-link" href={`/${params.code}/${language}`}>
            <FormattedMessage id="login.back" values={{ organisation }} />
          </a>
        </p>
      </main>
    </>
  );
}
