import { Body1, Button, Spinner, Subtitle2, Text, mergeClasses } from '@fluentui/react-components';
import { Suspense, lazy, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { StoryDto } from '../../../shared/dto.js';
import type { StartFilters, WallPrefetch } from '../../api/tabApi.js';
import { useAppContext } from '../../appContext.js';
import { config } from '../../config.js';
import { handOverToApp, markFirstStories } from '../../early/handOver.js';
import { useDebouncedValue } from '../../hooks/useDebouncedValue.js';
import { useFocusFirstNew } from '../../hooks/usePagedList.js';
import {
  NO_FILTERS,
  useWallStories,
  type WallFilters as Filters,
} from '../../hooks/useWallStories.js';
import { useMyReactions } from '../../hooks/useMyReactions.js';
import { StoryCard } from '../StoryCard/StoryCard.js';
import { useWallStyles } from './Wall.styles.js';
import { useWallTotal } from './useWallTotal.js';
import { useT } from '../../hooks/useT.js';

// The filters' Fluent inputs, selects and comboboxes are not needed to paint the first stories:
// a chunk of their own, requested as soon as this module runs, while the first page loads.
const filtersChunk = import('./WallFilters.js');
const WallFilters = lazy(() => filtersChunk.then((m) => ({ default: m.WallFilters })));
// Failures are rare: their message bars load when one happens.
const LoadError = lazy(() =>
  import('../LoadError/LoadError.js').then((m) => ({ default: m.LoadError })),
);
// The loading cards: requested at once, like the filters; the list is labelled and busy meanwhile.
const skeletonChunk = import('./WallSkeleton.js');
const WallSkeleton = lazy(() => skeletonChunk.then((m) => ({ default: m.WallSkeleton })));
const MoreError = lazy(() => import('./MoreError.js').then((m) => ({ default: m.MoreError })));

export interface WallProps {
  /** Changing it reloads the wall from the first page (e.g. after an approval). */
  reloadKey: number;
  /** The first page requested at start-up; used once, if it belongs to the current client. */
  prefetched?: WallPrefetch;
  /** The filters to start with, e.g. a channel tab's default from its URL. */
  initialFilters?: StartFilters;
  onOpen: (story: StoryDto) => void;
  /**
   * The page already says that the API failed, with its own retry (the app's start error): a
   * failed wall then shows no second error and no second retry.
   */
  errorShownAbove?: boolean;
}

/**
 * Cards in the wall's first commit: more than a large screen shows at once. The rest of the
 * first page follows right after that paint, so the first stories are not held up by rendering
 * the whole page's cards.
 */
export const FIRST_COMMIT_CARDS = 12;

/**
 * Name of the performance mark set when the first stories are on screen: by the tab's first
 * script when it drew them (src/tab/early), else here.
 */
export { FIRST_STORIES_MARK } from '../../early/handOver.js';

/** The story wall: filters, the newest stories first, and "load more" paging. */
export function Wall({
  reloadKey,
  prefetched,
  initialFilters,
  onOpen,
  errorShownAbove = false,
}: WallProps) {
  const styles = useWallStyles();
  const t = useT();
  const { api, me } = useAppContext();
  const [input, setInput] = useState<Filters>(() => ({
    ...NO_FILTERS,
    team: initialFilters?.team ?? '',
    category: initialFilters?.category ?? '',
  }));
  const team = useDebouncedValue(input.team.trim(), config.filterDebounceMs);
  const q = useDebouncedValue(input.q.trim(), config.filterDebounceMs);
  const account = useDebouncedValue(input.account.trim(), config.filterDebounceMs);
  // Most voted is offered only where the API ranks by votes (not in privacy mode).
  const ranksByVotes = me?.ranksByVotes === true;
  const sort = ranksByVotes ? input.sort : '';
  const filters: Filters = {
    team,
    q,
    account,
    category: input.category,
    month: input.month,
    language: input.language,
    sort,
  };
  const filtered = Object.entries(filters).some(([key, value]) => key !== 'sort' && value !== '');
  const wall = useWallStories(api, filters, config.pageSize, reloadKey, prefetched);
  const mine = useMyReactions(
    api,
    wall.items.map((story) => story.id),
    reloadKey,
  );
  const loading = wall.status === 'loading';
  const list = useRef<HTMLUListElement>(null);
  useFocusFirstNew(list, wall.firstNewId);
  const total = useWallTotal(api, filters, reloadKey);

  // A User Timing mark for the "first stories painted" budget in docs/PERFORMANCE.md;
  // the e2e test reads it. The first script's cards, if it drew any, set it already.
  const marked = useRef(false);
  const painted = wall.status === 'ready' && wall.items.length > 0;
  useEffect(() => {
    if (painted && !marked.current) {
      marked.current = true;
      markFirstStories();
    }
  }, [painted]);
  // The first script's cards (if any) give way once this wall shows anything but its loading
  // state: before the browser paints, so no frame shows both, or neither.
  const settled = wall.status !== 'loading';
  useLayoutEffect(() => {
    if (settled) handOverToApp();
  }, [settled]);
  const [allCards, setAllCards] = useState(false);
  useEffect(() => {
    if (!painted || allCards) return;
    // After the frame that paints the first cards: a timer queued from an animation frame.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setAllCards(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [painted, allCards]);
  const cards = allCards ? wall.items : wall.items.slice(0, FIRST_COMMIT_CARDS);

  let summary = '';
  if (loading) summary = t('wall.loading');
  else if (wall.status === 'ready') summary = t('wall.count', { count: wall.items.length });

  return (
    <section className={styles.root} aria-labelledby="wall-heading">
      <Suspense fallback={<div className={styles.filters} />}>
        <WallFilters value={input} onChange={setInput} sortable={ranksByVotes} />
      </Suspense>

      <div className={styles.summary}>
        <h2 id="wall-heading" className={styles.heading}>
          {t('wall.heading')}
        </h2>
        <Text role="status" className={styles.count} data-testid="wall-status">
          {summary}
        </Text>
        {loading && wall.items.length > 0 ? <Spinner size="tiny" /> : null}
        {total !== undefined ? (
          <Text className={styles.total} id="wall-total" data-testid="wall-total">
            {t(total.exact ? 'wall.total' : 'wall.totalAtLeast', { count: total.total })}
          </Text>
        ) : null}
      </div>

      {wall.status === 'error' && errorShownAbove ? null : wall.status === 'error' ? (
        <Suspense fallback={null}>
          <LoadError
            message="wall.error"
            error={wall.error}
            onRetry={wall.retry}
            testId="wall-error"
          />
        </Suspense>
      ) : loading && wall.items.length === 0 ? (
        <ul className={styles.grid} aria-busy="true" aria-label={t('wall.loading')}>
          <Suspense fallback={null}>
            <WallSkeleton />
          </Suspense>
        </ul>
      ) : wall.items.length === 0 && wall.status === 'ready' ? (
        <div className={styles.empty} data-testid="wall-empty">
          <Subtitle2 as="p">{filtered ? t('wall.emptyFiltered') : t('wall.empty')}</Subtitle2>
          <Body1 as="p">{filtered ? t('wall.emptyFilteredHint') : t('wall.emptyHint')}</Body1>
        </div>
      ) : (
        <ul
          ref={list}
          className={mergeClasses(styles.grid, loading && styles.busy)}
          aria-labelledby="wall-heading"
          aria-busy={loading}
          data-testid="wall-list"
        >
          {cards.map((story) => (
            // "Load more" puts keyboard focus on the first story it added.
            <li key={story.id} className={styles.item} data-item-id={story.id} tabIndex={-1}>
              <StoryCard
                story={story}
                mine={mine.get(story.id)}
                onChange={wall.replace}
                onOpen={onOpen}
              />
            </li>
          ))}
        </ul>
      )}

      {wall.status === 'ready' && (wall.hasMore || wall.moreError) ? (
        <div className={styles.more}>
          {wall.moreError ? (
            <Suspense fallback={null}>
              <MoreError error={wall.moreError} />
            </Suspense>
          ) : null}
          <Button
            appearance="secondary"
            disabled={wall.loadingMore}
            icon={wall.loadingMore ? <Spinner size="tiny" /> : null}
            onClick={wall.loadMore}
            data-testid="load-more"
          >
            {wall.loadingMore ? t('wall.loadingMore') : t('wall.loadMore')}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
