import type { Config } from '@react-router/dev/config';

// Server rendering, then hydration: the portal's pages work as plain HTML with plain forms before (and without) their
// scripts, which load from this origin only and run under the page's nonce (app/entry.server.tsx).
export default {
  appDirectory: 'app',
  buildDirectory: 'build',
  ssr: true,
} satisfies Config;
