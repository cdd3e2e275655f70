import type { ReactNode } from 'react';
import { FormattedMessage, RawIntlProvider, useIntl } from 'react-intl';
import { isRouteErrorResponse, Links, Meta, Outlet, useParams, useRouteError } from 'react-router';
import { directionOf, languageOf, messagesOf, sharedIntl } from './i18n/languages';
import fonts from '@vertrouwd/web-kit/styles/fonts.css?url';
import nlds from '@utrecht/component-library-css/dist/index.css?url';
import theme from '@vertrouwd/web-kit/styles/theme.css?url';
import site from './styles/site.css?url';

export const links = () => [fonts, nlds, theme, site].map((href) => ({ rel: 'stylesheet', href }));

/**
 * The document. No <Scripts/>, <ScrollRestoration/> or module preloads, on purpose: the reporter's pages work as
 * plain HTML with plain forms, and the Content-Security-Policy (server/security-headers.ts) allows no script at all.
 */
export function Layout({ children }: { children: ReactNode }) {
  const language = languageOf(useParams().lang) ?? 'nl';
  return (
    <html lang={language} dir={directionOf(language)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <Meta />
        <Links />
      </head>
      <body className="utrecht-document voorbeeld-theme vertrouwd-theme">
        <RawIntlProvider value={sharedIntl(language, messagesOf(language))}>
          {children}
          <footer className="site-footer">
            <p className="utrecht-paragraph">
              <FormattedMessage id="site.footer" />
            </p>
          </footer>
        </RawIntlProvider>
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
  const missing = isRouteErrorResponse(error) && error.status === 404;
  const title = intl.formatMessage({ id: missing ? 'notFound.title' : 'error.title' });
  return (
    <main className="site-page utrecht-page-content">
      <title>{title}</title>
      <h1 className="utrecht-heading-1">{title}</h1>
      <p className="utrecht-paragraph">{intl.formatMessage({ id: missing ? 'notFound.text' : 'error.text' })}</p>
    </main>
  );
}
