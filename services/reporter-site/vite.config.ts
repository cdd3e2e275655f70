import { reactRouter } from '@react-router/dev/vite';
import { defineConfig } from 'vite';

// Vite is the build tool only (`react-router build`); the site is served by server/main.ts.
export default defineConfig({
  plugins: [reactRouter()],
  build: { assetsInlineLimit: 0 },
  // The sessions and domain libraries are TypeScript in the workspace: bundled into the server build, not loaded by
  // Node from it (the form's plain-text rule is the domain library's, the one intake applies).
  ssr: { noExternal: ['@vertrouwd/web-session', '@vertrouwd/domain'] },
});
