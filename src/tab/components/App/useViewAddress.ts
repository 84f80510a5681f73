import { useEffect } from 'react';
import { pathFor, type TabView } from '../../route.js';

/**
 * Keeps the page's address on the open view (`/settings`, `/approvals`…, `/` for the wall), so
 * a reload or a bookmark opens it again. Replaced, not pushed: inside Teams the back button
 * belongs to Teams. The query (a channel tab's filters) and the hash are kept.
 */
export function useViewAddress(view: TabView | undefined, subPath?: string): void {
  useEffect(() => {
    // A view's own address within it (`/collections/<id>`), else the view's.
    const path = subPath ?? pathFor(view);
    if (window.location.pathname === path) return;
    const { search, hash } = window.location;
    window.history.replaceState(window.history.state, '', `${path}${search}${hash}`);
  }, [view, subPath]);
}
