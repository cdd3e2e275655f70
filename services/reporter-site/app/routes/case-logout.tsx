import { redirect } from 'react-router';
import { casePath } from '../follow-up/paths';
import { endSession, sessionIdOf } from '../follow-up/session.server';
import { languageOf } from '../i18n/languages';
import type { Route } from './+types/case-logout';

/** Logging out destroys the session row and clears the cookie; what the browser kept of the pages was never stored. */
export async function action({ params, request }: Route.ActionArgs) {
  const language = languageOf(params.lang) ?? 'nl';
  return endSession(sessionIdOf(request), params.code, language, 'logged-out');
}

export function loader({ params }: Route.LoaderArgs) {
  return redirect(casePath(params.code, languageOf(params.lang) ?? 'nl'), { status: 303 });
}

export default function Logout() {
  return null;
}
