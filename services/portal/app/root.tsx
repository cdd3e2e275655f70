import type { ReactNode } from 'react';
import { FormattedMessage, RawIntlProvider, useIntl } from 'react-intl';
import { isRouteErrorResponse, Links, Meta, Outlet, Scripts, useParams, useRouteError, useRouteLoaderData } from 'react-router';
import { screensOf } from './auth/roles';
import { currentUser } from './auth/user.server';
import { directionOf, formattingLocaleOf, languageOf, sharedIntl, useMessages } from './i18n/languages';
import { PortalHeader } from './ui/portal-header';
import fonts from '@vertrouwd/web-kit/styles/fonts.css?url';
import nlds from '@utrecht/component-library-css/dist/index.css?url';
import theme from '@vertrouwd/web-kit/styles/theme.css?url';
import portal from './styles/portal.css?url';
import type { Route } from './+types/root';

export const links = () => [fonts, nlds, theme, portal].map((href) => ({ rel: 'stylesheet', href }));

/** Who is signed in, for the header and the navigation: a name and roles, never a token. */
export async function loader({ request, params }: Route.LoaderArgs) {
  // An address no route knows (the not-found page) has no :lang; its first segment still says the language.
  const language = languageOf(params.lang ?? new URL(request.url).pathname.split('/')[1]) ?? 'nl';
  const signedIn = await currentUser(request).catch(() => undefined);
  const user = signedIn ? { username: signedIn.user.username, roles: signedIn.user.roles, screens: screensOf(signedIn.user) } : null;
  return { language, user };
}

/**
 * The document. Plain HTML first: every page is whole before its scripts load, and its forms post to the route's
 * action without them. <Scripts/> then hydrates it, its inline parts under the response's nonce (entry.server.tsx).
 */
export function Layout({ children }: { children: ReactNode }) {
  const root = useRouteLoaderData<typeof loader>('root');
  const language = root?.language ?? languageOf(useParams().lang) ?? 'nl';
  const messages = useMessages(language);
  return (
    <html lang={language} dir={directionOf(language)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <Meta />
        <Links />
      </head>
      <body className="utrecht-document voorbeeld-theme vertrouwd-theme">
        <RawIntlProvider value={sharedIntl(formattingLocaleOf(language), messages)}>
          <a className="portal-skip-link utrecht-link" href="#content">
            <FormattedMessage id="site.skipLink" />
          </a>
          <PortalHeader language={language} user={root?.user ?? null} />
          {children}
          <footer className="portal-footer">
            <p className="utrecht-paragraph">
              <FormattedMessage id="portal.footer" />
            </p>
          </footer>
        </RawIntlProvider>
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const intl = useIntl();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const key = status === 403 ? 'error.forbidden' : status === 404 ? 'notFound' : 'error';
  const title = intl.formatMessage({ id: `${key}.title` });
  return (
    <main id="content" className="portal-page" tabIndex={-1}>
      <title>{intl.formatMessage({ id: 'portal.pageTitle' }, { title })}</title>
      <h1 className="utrecht-heading-1">{title}</h1>
      <p className="utrecht-paragraph">{intl.formatMessage({ id: `${key}.text` })}</p>
    </main>
  );
}
