import { reactRouter } from '@react-router/dev/vite';
import { defineConfig } from 'vite';

// Vite is the build tool only (`react-router build`); the site is served by server/main.ts.
export default defineConfig({
  plugins: [reactRouter()],
  build: { assetsInlineLimit: 0 },
});
