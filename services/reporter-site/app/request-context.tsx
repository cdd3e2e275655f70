import { createContext, useContext, type ReactNode } from 'react';
import type { RouterContext, RouterContextProvider } from 'react-router';

// React Router encodes every loader's data for a browser to hydrate from (turbo-stream), whether or not the page has
// a script: for the intake page that was a sixth of its CPU. The reporter's pages are never hydrated, so what a page
// renders from and no browser needs goes to its component through the request's context instead (ADR 0059): the
// loader sets it, app/entry.server.tsx provides the context to the page, the component reads it.
const RequestContext = createContext<Readonly<RouterContextProvider> | undefined>(undefined);

export function RequestContextProvider({ context, children }: { context: Readonly<RouterContextProvider>; children: ReactNode }) {
  return <RequestContext value={context}>{children}</RequestContext>;
}

/** The value a loader or action of this request set in its context (`context.set(key, value)`). */
export function useRequestValue<T>(key: RouterContext<T>): T {
  const context = useContext(RequestContext);
  if (!context) throw new Error('a page rendered without its request context (app/entry.server.tsx provides it)');
  return context.get(key);
}
