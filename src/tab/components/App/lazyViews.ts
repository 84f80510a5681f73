import { lazy } from 'react';

// Not needed for the first paint: each is its own chunk, fetched on first use (or on hover).
export const loadStoryForm = () => import('../StoryForm/StoryForm.js');
export const loadApprovals = () => import('../Approvals/Approvals.js');
export const loadMyStories = () => import('../MyStories/MyStories.js');
export const loadStoryDetail = () => import('../StoryDetail/StoryDetail.js');
// Brings the charts library with it, so it is fetched only when an editor or admin wants it.
export const loadInsights = () => import('../Insights/Insights.js');
export const loadAwards = () => import('../Awards/Awards.js');
export const loadCollections = () => import('../Collections/Collections.js');
export const loadHallOfFame = () => import('../HallOfFame/HallOfFame.js');
// Admins only, and rarely: never part of anyone's first load.
export const loadSettings = () => import('../Settings/Settings.js');
// Editors and admins only.
export const loadModeration = () => import('../Moderation/Moderation.js');

// The toaster: the first notice fetches it.
export const loadNotifications = () => import('./Notifications.js');

/**
 * Fetched while the tab is idle after its first paint, with the version the page started with:
 * a tab may stay open for days, and after an update the old version's files are gone (the
 * boundaries of `Failure.tsx` then say so). The toaster is how every action ends — a story sent,
 * a decision made — so it must not be asked for only once the action succeeded; a story is what
 * people open most.
 */
export function prefetchLaterParts(): Promise<unknown> {
  return Promise.allSettled([loadNotifications(), loadStoryDetail()]);
}

export const StoryForm = lazy(() => loadStoryForm().then((m) => ({ default: m.StoryForm })));
export const Approvals = lazy(() => loadApprovals().then((m) => ({ default: m.Approvals })));
export const MyStories = lazy(() => loadMyStories().then((m) => ({ default: m.MyStories })));
export const StoryDetail = lazy(() => loadStoryDetail().then((m) => ({ default: m.StoryDetail })));
export const Insights = lazy(() => loadInsights().then((m) => ({ default: m.Insights })));
export const Awards = lazy(() => loadAwards().then((m) => ({ default: m.Awards })));
export const Collections = lazy(() => loadCollections().then((m) => ({ default: m.Collections })));
export const HallOfFame = lazy(() => loadHallOfFame().then((m) => ({ default: m.HallOfFame })));
export const Settings = lazy(() => loadSettings().then((m) => ({ default: m.Settings })));
export const Moderation = lazy(() => loadModeration().then((m) => ({ default: m.Moderation })));
