#!/usr/bin/env node
// `npm start`: builds what is missing or stale, then runs the app from dist/.
// Kept as plain JavaScript so it runs before anything is compiled.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

/** Newest modification time of the files under `dir` (0 when it does not exist). */
function newest(dir) {
  if (!existsSync(dir)) return 0;
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const time = entry.isDirectory() ? newest(full) : statSync(full).mtimeMs;
    if (time > latest) latest = time;
  }
  return latest;
}

function builtAt(file) {
  return existsSync(file) ? statSync(file).mtimeMs : 0;
}

function run(script) {
  console.log(`> npm run ${script}`);
  const result = spawnSync('npm', ['run', '--silent', script], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const sources = Math.max(newest('src'), builtAt('package.json'));
const tabSources = Math.max(newest('src/tab'), newest('src/shared'), builtAt('vite.config.ts'));
if (builtAt('dist/server/main.js') < sources) run('build:server');
if (builtAt('dist/tab/index.html') < tabSources) run('build:tab');

await import(path.join(root, 'dist/server/main.js'));
