import { redirect } from 'react-router';
import { isLanguage } from '../i18n/languages';
import type { Route } from './+types/start';

/** The portal's address: the browser's first preferred language the portal speaks, Dutch otherwise. */
export function loader({ request }: Route.LoaderArgs) {
  const preferred = (request.headers.get('accept-language') ?? '')
    .split(',')
    .map((entry) => entry.split(';')[0]?.trim().slice(0, 2).toLowerCase())
    .find((language) => isLanguage(language));
  return redirect(`/${preferred ?? 'nl'}`, 303);
}
