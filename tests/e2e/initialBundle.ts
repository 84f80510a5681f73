import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface InitialBundle {
  files: { file: string; gzipBytes: number }[];
  gzipBytes: number;
}

const STATIC_IMPORT = /(?:^|[;}\n])\s*import\s*(?:[\w$\s{},*]+?\s*from\s*)?["']([^"']+)["']/g;

/**
 * The JavaScript a browser must load before the tab can paint: the scripts of `index.html`
 * (the first script and the app's entry), its modulepreloads and, transitively, every static `import` of those files.
 * Dynamic `import()` chunks (the lazy dialogs) are not counted.
 */
export function measureInitialBundle(distDir: string): InitialBundle {
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const refs = [
    // Module and classic scripts alike (the first script is a classic one).
    ...[...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]),
    ...[...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1]),
  ].filter((ref): ref is string => ref !== undefined);
  const queue = refs.map((ref) => path.join(distDir, ref));
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const match of code.matchAll(STATIC_IMPORT)) {
      const specifier = match[1];
      if (specifier?.startsWith('.')) queue.push(path.join(path.dirname(file), specifier));
    }
  }
  const files = [...seen].map((file) => ({
    file: path.relative(distDir, file),
    gzipBytes: gzipSync(readFileSync(file)).length,
  }));
  return { files, gzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0) };
}
