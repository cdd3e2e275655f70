import type { Config } from '@react-router/dev/config';

// Server rendering, then hydration: the portal's pages work as plain HTML with plain forms before (and without) their
// scripts, which load from this origin only and run under the page's nonce (app/entry.server.tsx).
export default {
  appDirectory: 'app',
  buildDirectory: 'build',
  ssr: true,
  // Every route's entry is in the build's manifest module, which the browser loads once and keeps (an immutable
  // asset), instead of each page carrying the routes near it and the browser asking `/__manifest` for more as links
  // appear: the server matches no extra paths per page.
  routeDiscovery: { mode: 'initial' },
} satisfies Config;
