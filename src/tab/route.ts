/** Which page of the tab a path shows. Every path outside `/api` loads the same index.html. */
export type TabPage = 'wall' | 'config';

/** The page for `location.pathname`; anything unknown is the wall, as before pages existed. */
export function pageFor(pathname: string): TabPage {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  return path === '/config' ? 'config' : 'wall';
}
