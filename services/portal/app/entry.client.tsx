import { startTransition, StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { HydratedRouter } from 'react-router/dom';
import { languageOf, loadMessages } from './i18n/languages';

// React Router's own client entry, after one step: the page's language's messages (its own script) are loaded first,
// so hydration renders with them what the server rendered. The document names its language (<html lang>, root.tsx).
void loadMessages(languageOf(document.documentElement.lang) ?? 'nl').then(() =>
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <HydratedRouter />
      </StrictMode>,
    );
  }),
);
