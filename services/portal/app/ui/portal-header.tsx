import { FormattedMessage, useIntl } from 'react-intl';
import { Link, NavLink, useLocation } from 'react-router';
import type { Role, Screen } from '../auth/roles';
import { directionOf, LANGUAGE_NAMES, LANGUAGES, type Language } from '../i18n/languages';

export interface HeaderUser {
  username: string;
  roles: Role[];
  screens: Screen[];
}

/** The portal's name, the screens the user's roles open, who is signed in with a sign-out button, the languages. */
export function PortalHeader({ language, user }: { language: Language; user: HeaderUser | null }) {
  const intl = useIntl();
  const { pathname } = useLocation();
  // The same page in another language: the first segment of the address is the language.
  const first = pathname.split('/')[1] ?? '';
  const inLanguage = (other: Language) =>
    (LANGUAGES as readonly string[]).includes(first) ? `/${other}${pathname.slice(first.length + 1)}` : `/${other}`;
  return (
    <header className="portal-header">
      <div className="portal-header__bar">
        <Link className="portal-header__name utrecht-link" to={`/${language}`}>
          <FormattedMessage id="portal.name" />
        </Link>
        <nav className="portal-languages" aria-label={intl.formatMessage({ id: 'site.languages' })}>
          <ul className="portal-inline-list">
            {LANGUAGES.map((other) => (
              <li key={other}>
                <a
                  className="utrecht-link"
                  href={inLanguage(other)}
                  lang={other}
                  hrefLang={other}
                  dir={directionOf(other)}
                  aria-current={other === language ? 'page' : undefined}
                >
                  {LANGUAGE_NAMES[other]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {user ? (
          <div className="portal-user">
            <span>
              <FormattedMessage id="user.signedInAs" values={{ name: user.username }} />
            </span>
            <form method="post" action="/auth/sign-out">
              <button type="submit" className="utrecht-button utrecht-button--secondary-action">
                <FormattedMessage id="user.signOut" />
              </button>
            </form>
          </div>
        ) : (
          <a className="utrecht-link" href={`/auth/sign-in?${new URLSearchParams({ lang: language, returnTo: `/${language}` })}`}>
            <FormattedMessage id="user.signIn" />
          </a>
        )}
      </div>
      {user && user.screens.length > 0 ? (
        <nav className="portal-nav" aria-label={intl.formatMessage({ id: 'nav.label' })}>
          <ul className="portal-inline-list">
            <li>
              <NavLink className="utrecht-link" to={`/${language}`} end>
                <FormattedMessage id="nav.home" />
              </NavLink>
            </li>
            {user.screens.map((screen) => (
              <li key={screen}>
                <NavLink className="utrecht-link" to={`/${language}/${screen}`}>
                  <FormattedMessage id={`nav.${screen}`} />
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}
