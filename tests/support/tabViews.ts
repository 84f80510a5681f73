/**
 * Every view of the tab an admin reaches: its name, its address and the test id that says it is
 * on screen. The browser tests that check all views alike (accessibility, names of controls) go
 * through this one list.
 */
export const TAB_VIEWS = [
  ['wall', '/', 'story-card'],
  ['my stories', '/my-stories', 'my-stories'],
  ['approvals', '/approvals', 'approvals'],
  ['awards', '/awards', 'awards'],
  ['hall of fame', '/hall-of-fame', 'hall-of-fame'],
  ['collections', '/collections', 'collections'],
  ['insights', '/insights', 'insights'],
  ['settings', '/settings', 'settings'],
  ['moderation', '/moderation', 'moderation'],
] as const;
