/**
 * Remembers which demo user the browser-mode switcher picked. Local mode only: the server ignores
 * the header in entra mode. Storage can be unavailable (privacy modes), so failures fall back to
 * "no choice", which means the server's default demo employee.
 */

const KEY = 'storywall.devUser';

export function loadDevUser(): string | undefined {
  try {
    return window.localStorage.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function saveDevUser(id: string | undefined): void {
  try {
    if (id === undefined) window.localStorage.removeItem(KEY);
    else window.localStorage.setItem(KEY, id);
  } catch {
    // Not remembered across reloads; the choice still applies to this page.
  }
}
