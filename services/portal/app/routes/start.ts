import { redirect } from 'react-router';
import { preferredLanguage } from '../i18n/preferred-language';
import type { Route } from './+types/start';

/** The portal's address: the language the browser prefers most that the portal speaks, Dutch otherwise. */
export function loader({ request }: Route.LoaderArgs) {
  return redirect(`/${preferredLanguage(request.headers.get('accept-language')) ?? 'nl'}`, 303);
}
