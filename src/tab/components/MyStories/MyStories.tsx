import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
} from '@fluentui/react-components';
import { Suspense, lazy, useRef, useState } from 'react';
import type { StoryDto } from '../../../shared/dto.js';
import { useAppContext } from '../../appContext.js';
import { config } from '../../config.js';
import { errorKey } from '../../errors.js';
import { useFocusFirstNew } from '../../hooks/usePagedList.js';
import { useT } from '../../hooks/useT.js';
import { LoadError } from '../LoadError/LoadError.js';
import { DownloadMyData } from '../PrivacyData/DownloadMyData.js';
import { CREATE_STORY, type StoryFormMode } from '../StoryForm/storyFormModel.js';
import { MyStoryItem } from './MyStoryItem.js';
import { useMyStoriesStyles } from './MyStories.styles.js';
import { useMyStories } from './useMyStories.js';

// The same chunk the header's "Share a story" loads; fetched when "Edit" is pointed at.
const loadStoryForm = () => import('../StoryForm/StoryForm.js');
const StoryForm = lazy(() => loadStoryForm().then((m) => ({ default: m.StoryForm })));
const prepareForm = () => void loadStoryForm();
// The same chunk the wall opens a story with; it brings the story's history.
const loadStoryDetail = () => import('../StoryDetail/StoryDetail.js');
const StoryDetail = lazy(() => loadStoryDetail().then((m) => ({ default: m.StoryDetail })));
const prepareDetail = () => void loadStoryDetail();

export interface MyStoriesProps {
  onClose: () => void;
  /** After an action, with the story the API returned: an archived story leaves the wall. */
  onChanged: (story: StoryDto) => void;
}

/**
 * "My stories": everything I have shared, in every status, newest first, with what I can still
 * do — edit and resubmit after "request changes", withdraw while under review, archive once
 * published.
 */
export function MyStories({ onClose, onChanged }: MyStoriesProps) {
  const styles = useMyStoriesStyles();
  const t = useT();
  const { api } = useAppContext();
  const list = useMyStories(api, config.pageSize);
  const listRef = useRef<HTMLUListElement>(null);
  useFocusFirstNew(listRef, list.firstNewId);
  const [form, setForm] = useState<StoryFormMode | undefined>();
  const [open, setOpen] = useState<StoryDto | undefined>();

  function changed(story: StoryDto) {
    list.replace(story);
    onChanged(story);
  }

  function saved(story: StoryDto) {
    if (form?.kind === 'resubmit') list.replace(story);
    else list.prepend(story);
    onChanged(story);
  }

  const loading = list.status === 'loading';

  return (
    <Dialog
      open
      // The form and the confirmations are dialogs of their own; Escape closes only the top one.
      onOpenChange={(_, data) => (data.open ? undefined : onClose())}
    >
      <DialogSurface className={styles.surface} data-testid="my-stories">
        <DialogBody>
          <DialogTitle>{t('myStories.heading')}</DialogTitle>
          <DialogContent className={styles.content}>
            {loading ? (
              <Spinner label={t('myStories.loading')} data-testid="my-stories-loading" />
            ) : list.status === 'error' ? (
              <LoadError
                message="myStories.error"
                error={list.error}
                onRetry={list.retry}
                testId="my-stories-error"
              />
            ) : list.items.length === 0 ? (
              <div className={styles.empty} data-testid="my-stories-empty">
                <Subtitle2 as="p" className={styles.emptyText}>
                  {t('myStories.empty')}
                </Subtitle2>
                <Body1 as="p" className={styles.emptyText}>
                  {t('myStories.emptyHint')}
                </Body1>
                <Button
                  appearance="primary"
                  onPointerEnter={prepareForm}
                  onFocus={prepareForm}
                  onClick={() => setForm(CREATE_STORY)}
                  data-testid="my-stories-share"
                >
                  {t('myStories.share')}
                </Button>
              </div>
            ) : (
              <ul ref={listRef} className={styles.list} aria-label={t('myStories.heading')}>
                {list.items.map((story) => (
                  <MyStoryItem
                    key={story.id}
                    story={story}
                    onChanged={changed}
                    onEdit={(editing) => setForm({ kind: 'resubmit', story: editing })}
                    onPrepareEdit={prepareForm}
                    onOpen={setOpen}
                    onPrepareOpen={prepareDetail}
                  />
                ))}
              </ul>
            )}

            {list.status === 'ready' && (list.hasMore || list.moreError) ? (
              <div className={styles.more}>
                {list.moreError ? (
                  <MessageBar intent="error">
                    <MessageBarBody>{t(errorKey(list.moreError))}</MessageBarBody>
                  </MessageBar>
                ) : null}
                <Button
                  appearance="secondary"
                  disabled={list.loadingMore}
                  icon={list.loadingMore ? <Spinner size="tiny" /> : null}
                  onClick={list.loadMore}
                  data-testid="my-stories-more"
                >
                  {list.loadingMore ? t('myStories.loadingMore') : t('myStories.loadMore')}
                </Button>
              </div>
            ) : null}
          </DialogContent>
          <DialogActions>
            {/* My own data, everything the app holds about me (GDPR article 15). */}
            <DownloadMyData />
            <Button appearance="secondary" onClick={onClose} data-testid="my-stories-close">
              {t('myStories.close')}
            </Button>
          </DialogActions>
        </DialogBody>
        {form ? (
          <Suspense fallback={null}>
            <StoryForm mode={form} onSaved={saved} onClose={() => setForm(undefined)} />
          </Suspense>
        ) : null}
        {open ? (
          <Suspense fallback={null}>
            <StoryDetail storyId={open.id} initial={open} onClose={() => setOpen(undefined)} />
          </Suspense>
        ) : null}
      </DialogSurface>
    </Dialog>
  );
}
