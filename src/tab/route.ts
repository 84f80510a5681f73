/** Which page of the tab a path shows. Every path outside `/api` loads the same index.html. */
export type TabPage = 'wall' | 'config';

/** The page for `location.pathname`; anything unknown is the wall, as before pages existed. */
export function pageFor(pathname: string): TabPage {
  const path = pathname.length > 1 ? pathname.replace(/(?<!\/)\/+$/, '') : pathname;
  return path === '/config' ? 'config' : 'wall';
}

/** The views of the wall page that have an address of their own (`/settings`, `/approvals`…). */
export const TAB_VIEWS = [
  'approvals',
  'mine',
  'insights',
  'awards',
  'hallOfFame',
  'settings',
  'moderation',
] as const;
export type TabView = (typeof TAB_VIEWS)[number];

const VIEW_PATHS: Record<TabView, string> = {
  approvals: '/approvals',
  mine: '/my-stories',
  insights: '/insights',
  awards: '/awards',
  hallOfFame: '/hall-of-fame',
  settings: '/settings',
  moderation: '/moderation',
};

/** The view a path opens over the wall, if any. */
export function viewFor(pathname: string): TabView | undefined {
  const path = pathname.length > 1 ? pathname.replace(/(?<!\/)\/+$/, '') : pathname;
  return TAB_VIEWS.find((view) => VIEW_PATHS[view] === path);
}

/** The path of a view; the wall itself (no view) is `/`. */
export function pathFor(view: TabView | undefined): string {
  return view ? VIEW_PATHS[view] : '/';
}
