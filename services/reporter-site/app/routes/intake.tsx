import { FormattedMessage } from 'react-intl';
import { createContext, data, redirect } from 'react-router';
import { fetchIntakePage, submitReport } from '../intake/intake-client.server';
import { IntakeInformation } from '../intake/intake-information';
import { checkReport, formValues, type FieldError, type FormValues } from '../intake/report-form';
import { FormProblems, ReportForm, type FormNotice } from '../intake/report-form-view';
import { clientAddressOf } from '@vertrouwd/web-kit';
import { languageOf, type Language } from '../i18n/languages';
import { keepForOneView } from '../receipt/one-time-views.server';
import { receiptViewCookie } from '../receipt/receipt-cookie.server';
import type { IntakePage } from '../intake/intake-page';
import { useRequestValue } from '../request-context';
import { LanguageSwitch } from '../ui/language-switch';
import { PageTitle } from '../ui/page-title';
import type { Route } from './+types/intake';

async function pageOf(params: Route.LoaderArgs['params']) {
  const language = languageOf(params.lang);
  const page = language && (await fetchIntakePage(params.code, language));
  if (!language || !page) throw data(null, { status: 404 });
  return { language, page };
}

/** The organisation's page, kept out of the loader's data: no browser hydrates it (app/request-context.tsx). */
const intakePage = createContext<IntakePage>();

export async function loader({ params, context }: Route.LoaderArgs) {
  const { language, page } = await pageOf(params);
  context.set(intakePage, page);
  return { language };
}

interface Refused {
  values: FormValues;
  errors: FieldError[];
  notice?: FormNotice;
}

/** The report, checked here first; sent to intake; its receipt kept for one view behind a redirect (PRG). */
export async function action({ params, request, context }: Route.ActionArgs) {
  const { language, page } = await pageOf(params);
  context.set(intakePage, page);
  const values = formValues(await request.formData());
  const checked = checkReport(values, page, language);
  if (!checked.ok) return data<Refused>({ values, errors: checked.errors }, { status: 422 });
  const sent = await submitReport(params.code, checked.request, clientAddressOf(request));
  switch (sent.kind) {
    case 'received':
      return redirect(receiptPath(params.code, language), {
        status: 303,
        headers: { 'Set-Cookie': await receiptViewCookie.serialize(await keepForOneView(sent.receipt)) },
      });
    case 'out-of-scope':
      return data<Refused>({ values, errors: [], notice: { kind: 'out-of-scope', text: sent.whereToGo } }, { status: 200 });
    case 'busy':
      return data<Refused>(
        { values, errors: [], notice: { kind: 'busy', minutes: Math.ceil(sent.retryAfterSeconds / 60) } },
        { status: 429 },
      );
    case 'unknown-counsellor':
      return data<Refused>(
        { values, errors: [{ field: 'counsellorId', message: 'errors.counsellor', question: 'advisorChoice' }] },
        { status: 422 },
      );
    case 'failed':
      return data<Refused>({ values, errors: [], notice: { kind: 'failed' } }, { status: 502 });
  }
}

function receiptPath(code: string, language: Language): string {
  return `/${code}/${language}/receipt`;
}

export default function IntakeRoute({ loaderData, actionData, params }: Route.ComponentProps) {
  const { language } = loaderData;
  const page = useRequestValue(intakePage);
  const refused = actionData;
  return (
    <>
      <PageTitle title={page.text.form.title} organisation={page.organisation.name} failed={(refused?.errors.length ?? 0) > 0} />
      <a className="site-skip-link utrecht-link" href="#report">
        <FormattedMessage id="site.skipLink" />
      </a>
      <LanguageSwitch current={language} hrefOf={(l) => `/${params.code}/${l}`} />
      <main className="site-page">
        <FormProblems questions={page.questions} errors={refused?.errors ?? []} notice={refused?.notice} />
        <p className="utrecht-paragraph site-follow-up-link">
          <a className="utrecht-link" href={`/${params.code}/${language}/follow-up`}>
            <FormattedMessage id="intake.followUp" />
          </a>
        </p>
        <IntakeInformation page={page} />
        <ReportForm page={page} action={`/${params.code}/${language}`} values={refused?.values ?? {}} errors={refused?.errors ?? []} />
      </main>
    </>
  );
}
