import { data } from 'react-router';
import { fetchIntakePage } from '../intake/intake-client.server';
import { languageOf, type Language } from '../i18n/languages';
import { requireSession, type OpenSession } from './session.server';

export interface CaseRoute {
  code: string;
  language: Language;
  organisation: string;
  session: OpenSession;
}

/** A case page's address checked (intake code and language), and the reporter's session for it, or a redirect to login. */
export async function caseRoute(request: Request, params: { code: string; lang?: string }): Promise<CaseRoute> {
  const language = languageOf(params.lang);
  const page = language && (await fetchIntakePage(params.code, language));
  if (!language || !page) throw data(null, { status: 404 });
  const session = await requireSession(request, params.code, language);
  return { code: params.code, language, organisation: page.organisation.name, session };
}
