import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import react from '@vitejs/plugin-react';
import { build, defineConfig, type Plugin, type Rolldown } from 'vite';
import type { EarlyBuild } from './src/tab/early/build.js';
import { EARLY_CSS, tokensUsed } from './src/tab/early/earlyCss.js';
import { pickEarlyStrings } from './src/tab/early/strings.js';
import { en } from './src/tab/locales/en.js';
import { fi } from './src/tab/locales/fi.js';
import { precompressTab } from './scripts/precompressTab.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The API server of `npm run dev` (src/config.ts: PORT, default 3978). */
const API_ORIGIN = 'http://localhost:3978';

/** The first script's file in the build; its name carries a hash of its content. */
const FIRST_PAGE_ENTRY = here('./src/tab/firstPage.ts');

/**
 * What the first script needs from the build (src/tab/early/build.ts): the early cards' strings
 * of each language, picked from the locales; the light and dark values of the Fluent token
 * variables the early styles use; and where teams-js is.
 */
function earlyBuildValue(teamsPreload: string[], appPreload: string[]): EarlyBuild {
  const light = webLightTheme as unknown as Record<string, string | number>;
  const dark = webDarkTheme as unknown as Record<string, string | number>;
  const value = (theme: typeof light, name: string) => {
    const found = theme[name];
    if (found === undefined) throw new Error(`The early styles use an unknown token: ${name}`);
    return String(found);
  };
  // Tokens both themes share (sizes, fonts, spacing) go into the styles as values; the colours
  // stay variables, defined for each theme.
  const colours = tokensUsed(EARLY_CSS).filter((name) => value(light, name) !== value(dark, name));
  const declarations = (theme: typeof light) =>
    colours.map((name) => `--${name}:${value(theme, name)};`).join('');
  return {
    strings: { en: pickEarlyStrings(en), fi: pickEarlyStrings(fi) },
    css: EARLY_CSS.replace(/var\(--(\w{1,80})\)/g, (whole, name: string) =>
      colours.includes(name) ? whole : value(light, name),
    ),
    theme: { light: declarations(light), dark: declarations(dark) },
    teamsPreload,
    appPreload,
  };
}

const EARLY_DEFINE = '__STORYWALL_EARLY_BUILD__';

/**
 * The tab's first script (`src/tab/firstPage.ts`) goes into index.html ahead of the app, `async`,
 * so it runs as soon as it arrives: it asks for the wall's first page and draws the first cards
 * while the app's bundle still loads. It is built on its own, as one classic script with nothing
 * to import (a module sharing the app's chunks would wait for them), after the app's build so
 * it knows where teams-js went. In development Vite serves the source file as a module.
 */
function firstPageScript(): Plugin {
  let outDir = '';
  let built: { fileName: string; code: string } | undefined;
  return {
    name: 'storywall-first-page-script',
    config(_config, env) {
      // Development: the source is served as is; the build defines it for the first script only.
      if (env.command === 'serve') {
        return { define: { [EARLY_DEFINE]: JSON.stringify(earlyBuildValue([], [])) } };
      }
      return undefined;
    },
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    transformIndexHtml: {
      order: 'post',
      async handler(_html, ctx) {
        if (!ctx.bundle) {
          return [
            {
              tag: 'script',
              attrs: { type: 'module', async: true, src: '/firstPage.ts' },
              injectTo: 'head-prepend',
            },
          ];
        }
        const teams = Object.values(ctx.bundle).find(
          (chunk) => chunk.type === 'chunk' && chunk.name === 'teams-js',
        );
        if (!teams || teams.type !== 'chunk') throw new Error('the teams-js chunk is missing');
        const teamsPreload = [teams.fileName, ...teams.imports].map((file) => `/${file}`);
        // The app's own chunks: every static import of its entry, transitively.
        const entry = Object.values(ctx.bundle).find(
          (chunk) => chunk.type === 'chunk' && chunk.isEntry && chunk.name === 'index',
        );
        if (!entry || entry.type !== 'chunk') throw new Error('the app entry is missing');
        const appChunks = new Set<string>();
        const visit = (fileName: string) => {
          const chunk = ctx.bundle?.[fileName];
          if (!chunk || chunk.type !== 'chunk') return;
          for (const imported of chunk.imports) {
            if (appChunks.has(imported)) continue;
            appChunks.add(imported);
            visit(imported);
          }
        };
        visit(entry.fileName);
        const appPreload = [...appChunks].map((file) => `/${file}`);
        const output = await build({
          configFile: false,
          root: here('./src/tab'),
          logLevel: 'warn',
          define: {
            [EARLY_DEFINE]: JSON.stringify(earlyBuildValue(teamsPreload, appPreload)),
          },
          build: {
            write: false,
            target: 'es2022',
            minify: true,
            sourcemap: false,
            copyPublicDir: false,
            reportCompressedSize: false,
            lib: { entry: FIRST_PAGE_ENTRY, formats: ['iife'], name: 'storywallFirstPage' },
          },
        });
        const outputs = (Array.isArray(output) ? output : [output]) as Rolldown.RolldownOutput[];
        const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk');
        if (!chunk || chunk.type !== 'chunk') throw new Error('the first script was not built');
        const hash = createHash('sha256').update(chunk.code).digest('base64url').slice(0, 8);
        built = { fileName: `assets/first-page-${hash}.js`, code: chunk.code };
        return [
          {
            tag: 'script',
            // Ahead of the app's modulepreloads, which Chromium would otherwise fetch first.
            attrs: { async: true, fetchpriority: 'high', src: `/${built.fileName}` },
            injectTo: 'head-prepend',
          },
        ];
      },
    },
    async writeBundle() {
      if (!built) throw new Error('the first script was not built');
      await writeFile(path.join(outDir, built.fileName), built.code);
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
    // The app's chunks are preloaded by the first script (firstPage.ts), right after it has
    // sent the wall's request: as links of index.html they would take every connection first.
    modulePreload: {
      resolveDependencies: (_file, deps, context) => (context.hostType === 'html' ? [] : deps),
    },
    // The initial bundle's budget is 250 KB gzip (docs/PERFORMANCE.md); the lazy dialogs are extra.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      input: { index: here('./src/tab/index.html') },
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
