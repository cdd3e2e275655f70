import { FormattedMessage, useIntl } from 'react-intl';
import { data, Link, useRouteLoaderData } from 'react-router';
import { languageOf } from '../i18n/languages';
import { PageTitle } from '../ui/format';
import type { loader as rootLoader } from '../root';
import type { Route } from './+types/home';

export function loader({ params }: Route.LoaderArgs) {
  if (!languageOf(params.lang)) throw data(null, { status: 404 });
  return null;
}

/** The start page: what each of the user's screens is for, or how to sign in. */
export default function Home({ params }: Route.ComponentProps) {
  const intl = useIntl();
  const user = useRouteLoaderData<typeof rootLoader>('root')?.user ?? null;
  const title = intl.formatMessage({ id: 'home.title' });
  const signIn = `/auth/sign-in?${new URLSearchParams({ lang: params.lang, returnTo: `/${params.lang}` })}`;
  return (
    <main id="content" className="portal-page" tabIndex={-1}>
      <PageTitle title={title} />
      <h1 className="utrecht-heading-1">{title}</h1>
      {user ? (
        <>
          <p className="utrecht-paragraph">
            <FormattedMessage
              id="home.roles"
              values={{ count: user.roles.length, roles: user.roles.map((role) => intl.formatMessage({ id: `role.${role}` })).join(', ') }}
            />
          </p>
          {user.screens.length === 0 ? (
            <p className="utrecht-paragraph">
              <FormattedMessage id="home.noScreens" />
            </p>
          ) : (
            <ul className="portal-screens">
              {user.screens.map((screen) => (
                <li key={screen}>
                  <Link className="utrecht-link" to={`/${params.lang}/${screen}`}>
                    <FormattedMessage id={`nav.${screen}`} />
                  </Link>
                  <p className="utrecht-paragraph">
                    <FormattedMessage id={`screen.${screen}`} />
                  </p>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <>
          <p className="utrecht-paragraph">
            <FormattedMessage id="home.signedOut" />
          </p>
          <p className="utrecht-paragraph">
            <a className="utrecht-button-link utrecht-button-link--primary-action" href={signIn}>
              <FormattedMessage id="user.signIn" />
            </a>
          </p>
        </>
      )}
    </main>
  );
}
