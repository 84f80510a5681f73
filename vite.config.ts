import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompressTab } from './scripts/precompressTab.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The API server of `npm run dev` (src/config.ts: PORT, default 3978). */
const API_ORIGIN = 'http://localhost:3978';

/**
 * The Teams tab: built into `dist/tab`, which the app server serves at `/`. In development Vite
 * serves the tab on :5173 and forwards the API to the app server, so both stay same-origin for
 * the browser.
 */
export default defineConfig({
  root: here('./src/tab'),
  base: '/',
  plugins: [react(), precompressTab()],
  build: {
    outDir: here('./dist/tab'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // The initial bundle's budget is 250 KB gzip (docs/PERFORMANCE.md); the lazy dialogs are extra.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // Long-lived vendor code in its own files so an app release does not bust its cache.
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'teams-js', test: /node_modules[\\/]@microsoft[\\/]teams-js[\\/]/ },
            { name: 'i18n', test: /node_modules[\\/](i18next|react-i18next)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': API_ORIGIN,
      '/healthz': API_ORIGIN,
    },
  },
  preview: {
    port: 4173,
  },
});
