import path from 'node:path';
import { build } from 'vite';
import { repoRoot } from './paths.js';

/** Builds the tab into `dist/tab` with Vite's JS API and the repository's `vite.config.ts`. */
export async function buildTab(): Promise<void> {
  const started = Date.now();
  // Vitest sets NODE_ENV=test, and Vite keeps an existing NODE_ENV: the bundle would get
  // React's development build (twice the size, much slower). Build as `npm run build:tab` does.
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    // The config file sets root and outDir itself; an inline `root` here would override them.
    await build({ configFile: path.join(repoRoot, 'vite.config.ts'), logLevel: 'warn' });
  } finally {
    if (nodeEnv === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = nodeEnv;
  }
  console.info(`e2e: built the tab in ${Date.now() - started} ms`);
}

/**
 * Vitest globalSetup of the e2e project: the server under test serves `dist/tab`, so it must be
 * built from the sources being tested, never a stale build from earlier.
 */
export default async function setup(): Promise<void> {
  await buildTab();
}
