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
  'collections',
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
  collections: '/collections',
  hallOfFame: '/hall-of-fame',
  settings: '/settings',
  moderation: '/moderation',
};

/** The view a path opens over the wall, if any; `/collections/<id>` opens the collections. */
export function viewFor(pathname: string): TabView | undefined {
  const path = pathname.length > 1 ? pathname.replace(/(?<!\/)\/+$/, '') : pathname;
  if (collectionIdFor(path) !== undefined) return 'collections';
  return TAB_VIEWS.find((view) => VIEW_PATHS[view] === path);
}

const COLLECTION_ID = /^[A-Za-z0-9-]{1,64}$/;
const COLLECTION_PREFIX = `${VIEW_PATHS.collections}/`;

/** The collection a path names (`/collections/<id>`), if any. */
export function collectionIdFor(pathname: string): string | undefined {
  const path = pathname.length > 1 ? pathname.replace(/(?<!\/)\/+$/, '') : pathname;
  if (!path.startsWith(COLLECTION_PREFIX)) return undefined;
  const id = path.slice(COLLECTION_PREFIX.length);
  return COLLECTION_ID.test(id) ? id : undefined;
}

/** The address of one collection in the tab. */
export function collectionPath(id: string): string {
  return `${COLLECTION_PREFIX}${encodeURIComponent(id)}`;
}

/** What Teams' deep links carry for a collection (`subPageId`), so it is told from a story id. */
export const COLLECTION_SUB_PAGE = 'collection:';

/** The collection a Teams `subPageId` names (`collection:<id>`), if any. */
export function collectionIdOfSubPage(subPageId: string | null | undefined): string | undefined {
  if (!subPageId?.startsWith(COLLECTION_SUB_PAGE)) return undefined;
  const id = subPageId.slice(COLLECTION_SUB_PAGE.length);
  return COLLECTION_ID.test(id) ? id : undefined;
}

/**
 * A link that opens a collection in Teams: a deep link to the app's tab whose `subPageId` names
 * the collection (https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/deep-link-application).
 */
export function teamsCollectionLink(appId: string, pageId: string, id: string): string {
  const context = JSON.stringify({ subEntityId: `${COLLECTION_SUB_PAGE}${id}` });
  return (
    `https://teams.microsoft.com/l/entity/${encodeURIComponent(appId)}/` +
    `${encodeURIComponent(pageId)}?context=${encodeURIComponent(context)}`
  );
}

/** The path of a view; the wall itself (no view) is `/`. */
export function pathFor(view: TabView | undefined): string {
  return view ? VIEW_PATHS[view] : '/';
}
