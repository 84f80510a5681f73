import { useCallback } from 'react';
import type { StoryDto } from '../../../shared/dto.js';
import type { ApiClient } from '../../api/client.js';
import { usePagedList, type PagedList } from '../../hooks/usePagedList.js';

/** My stories so far, with "show more"; `prepend` adds a story just shared at the top. */
export type MyStoriesList = PagedList<StoryDto>;

/** The signed-in person's own stories, newest first, a page at a time ("Show more"). */
export function useMyStories(api: ApiClient, pageSize: number): MyStoriesList {
  const fetchPage = useCallback(
    (cursor: string | undefined, signal: AbortSignal) =>
      api.myStories({ limit: pageSize, ...(cursor ? { cursor } : {}) }, signal),
    [api, pageSize],
  );
  return usePagedList(fetchPage);
}
