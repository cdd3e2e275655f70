import { redirect } from 'react-router';
import type { Route } from './+types/start';

/** The portal's address: English for a browser that prefers it, Dutch otherwise. */
export function loader({ request }: Route.LoaderArgs) {
  const preferred = (request.headers.get('accept-language') ?? '').split(',')[0]?.trim().slice(0, 2).toLowerCase();
  return redirect(preferred === 'en' ? '/en' : '/nl', 303);
}
