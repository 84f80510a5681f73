import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { precompressTab } from './scripts/precompressTab.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The API server of `npm run dev` (src/config.ts: PORT, default 3978). */
const API_ORIGIN = 'http://localhost:3978';

/**
 * The tab's first script (`src/tab/firstPage.ts`, a build entry of its own) goes into index.html
 * ahead of the app, `async`, so it runs as soon as it arrives: it asks for the wall's first page
 * while the app's bundle still loads. In development Vite serves the source file itself.
 */
function firstPageScript(): Plugin {
  return {
    name: 'storywall-first-page-script',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const entry = ctx.bundle
          ? Object.values(ctx.bundle).find(
              (chunk) => chunk.type === 'chunk' && chunk.isEntry && chunk.name === 'first-page',
            )
          : undefined;
        if (ctx.bundle && !entry) throw new Error('the first-page entry is missing from the build');
        return [
          {
            tag: 'script',
            attrs: {
              type: 'module',
              async: true,
              src: entry ? `/${entry.fileName}` : '/firstPage.ts',
            },
            injectTo: 'head-prepend',
          },
        ];
      },
    },
  };
}

/**
 * The Teams tab: built into `dist/tab`, which the app server serves at `/`. In development Vite
 * serves the tab on :5173 and forwards the API to the app server, so both stay same-origin for
 * the browser.
 */
export default defineConfig({
  root: here('./src/tab'),
  base: '/',
  plugins: [react(), firstPageScript(), precompressTab()],
  build: {
    outDir: here('./dist/tab'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // The initial bundle's budget is 250 KB gzip (docs/PERFORMANCE.md); the lazy dialogs are extra.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      input: { index: here('./src/tab/index.html'), 'first-page': here('./src/tab/firstPage.ts') },
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
