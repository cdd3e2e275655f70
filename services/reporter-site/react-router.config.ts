import type { Config } from '@react-router/dev/config';

// Server rendering only: the reporter's pages ship no script (app/root.tsx renders no <Scripts/>), so there is no
// client build to hydrate and nothing to prerender.
export default {
  appDirectory: 'app',
  buildDirectory: 'build',
  ssr: true,
} satisfies Config;
