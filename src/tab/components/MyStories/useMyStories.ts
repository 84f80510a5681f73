import { useCallback, useEffect, useRef, useState } from 'react';
import type { StoryDto } from '../../../shared/dto.js';
import type { ApiClient } from '../../api/client.js';
import { isAbort } from '../../errors.js';
import { appendPage, prependStory, replaceStory } from './myStoriesModel.js';

export interface MyStoriesList {
  items: StoryDto[];
  status: 'loading' | 'ready' | 'error';
  error: unknown;
  hasMore: boolean;
  loadingMore: boolean;
  moreError: unknown;
  loadMore: () => void;
  retry: () => void;
  /** Puts the story an action returned in place of the old one. */
  replace: (story: StoryDto) => void;
  /** Adds a story just shared at the top. */
  prepend: (story: StoryDto) => void;
}

interface State {
  items: StoryDto[];
  nextCursor: string | null;
  status: MyStoriesList['status'];
  error: unknown;
  loadingMore: boolean;
  moreError: unknown;
}

const INITIAL: State = {
  items: [],
  nextCursor: null,
  status: 'loading',
  error: undefined,
  loadingMore: false,
  moreError: undefined,
};

/** The signed-in person's own stories, newest first, a page at a time ("Show more"). */
export function useMyStories(api: ApiClient, pageSize: number): MyStoriesList {
  const [state, setState] = useState<State>(INITIAL);
  const [attempt, setAttempt] = useState(0);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    controller.current = abort;
    setState(INITIAL);
    api.myStories({ limit: pageSize }, abort.signal).then(
      (page) =>
        setState({ ...INITIAL, items: page.items, nextCursor: page.nextCursor, status: 'ready' }),
      (error: unknown) => {
        if (!isAbort(error)) setState({ ...INITIAL, status: 'error', error });
      },
    );
    return () => abort.abort();
  }, [api, pageSize, attempt]);

  const loadMore = useCallback(() => {
    const cursor = state.nextCursor;
    if (!cursor || state.loadingMore) return;
    setState((previous) => ({ ...previous, loadingMore: true, moreError: undefined }));
    api.myStories({ limit: pageSize, cursor }, controller.current?.signal).then(
      (page) =>
        setState((previous) => ({
          ...previous,
          items: appendPage(previous.items, page.items),
          nextCursor: page.nextCursor,
          loadingMore: false,
        })),
      (error: unknown) => {
        if (!isAbort(error)) {
          setState((previous) => ({ ...previous, loadingMore: false, moreError: error }));
        }
      },
    );
  }, [api, pageSize, state.nextCursor, state.loadingMore]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const replace = useCallback((story: StoryDto) => {
    setState((previous) => ({ ...previous, items: replaceStory(previous.items, story) }));
  }, []);
  const prepend = useCallback((story: StoryDto) => {
    setState((previous) => ({ ...previous, items: prependStory(previous.items, story) }));
  }, []);

  return {
    items: state.items,
    status: state.status,
    error: state.error,
    hasMore: state.nextCursor !== null,
    loadingMore: state.loadingMore,
    moreError: state.moreError,
    loadMore,
    retry,
    replace,
    prepend,
  };
}
