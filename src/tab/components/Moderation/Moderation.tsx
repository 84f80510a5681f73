import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Spinner,
  Subtitle2,
  useId,
} from '@fluentui/react-components';
import { Suspense, lazy, useCallback, useState } from 'react';
import type { ModerationItemDto, StoryDto } from '../../../shared/dto.js';
import type { ApiClient } from '../../api/client.js';
import { useAppContext } from '../../appContext.js';
import { useLoad } from '../../hooks/useLoad.js';
import { useT } from '../../hooks/useT.js';
import { LoadError } from '../LoadError/LoadError.js';
import { afterAction, sectionsOf } from './moderationModel.js';
import { ModerationEntry } from './ModerationEntry.js';
import { useModerationStyles } from './Moderation.styles.js';

// The same chunk the wall opens a story with; it brings the story's history.
const loadStoryDetail = () => import('../StoryDetail/StoryDetail.js');
const StoryDetail = lazy(() => loadStoryDetail().then((m) => ({ default: m.StoryDetail })));
const prepareDetail = () => void loadStoryDetail();

export interface ModerationProps {
  onClose: () => void;
  /** After an action, with the story the API returned: hiding, restoring or editing it changes the wall. */
  onChanged: (story: StoryDto) => void;
}

function useModerationQueue(api: ApiClient) {
  const read = useCallback((signal: AbortSignal) => api.moderation(signal), [api]);
  const { load, reload, update: change } = useLoad(read);
  const update = useCallback(
    (story: StoryDto) => change((list) => ({ ...list, items: afterAction(list.items, story) })),
    [change],
  );
  const queue =
    load.state === 'ready' ? { state: 'ready' as const, items: load.value.items } : load;
  return { queue, update, retry: reload };
}

/**
 * Moderation (editors and admins): the stories readers reported, with who reported them, when and
 * why, and the stories hidden so far; each hidden, restored, corrected or its reports dismissed
 * in place.
 */
export function Moderation({ onClose, onChanged }: ModerationProps) {
  const styles = useModerationStyles();
  const t = useT();
  const { api } = useAppContext();
  const { queue, update, retry } = useModerationQueue(api);
  const [open, setOpen] = useState<StoryDto | undefined>();
  const reportedId = useId('moderation-reported');
  const hiddenId = useId('moderation-hidden');

  function changed(story: StoryDto) {
    update(story);
    onChanged(story);
  }

  const sections = queue.state === 'ready' ? sectionsOf(queue.items) : undefined;

  function list(items: readonly ModerationItemDto[]) {
    return (
      <ul className={styles.list}>
        {items.map((item) => (
          <ModerationEntry
            key={item.story.id}
            item={item}
            onChanged={changed}
            onOpen={setOpen}
            onPrepareOpen={prepareDetail}
          />
        ))}
      </ul>
    );
  }

  return (
    <Dialog open onOpenChange={(_, data) => (data.open ? undefined : onClose())}>
      <DialogSurface className={styles.surface} data-testid="moderation">
        <DialogBody>
          <DialogTitle>{t('moderation.heading')}</DialogTitle>
          <DialogContent className={styles.content}>
            <p className={styles.intro}>{t('moderation.intro')}</p>
            {queue.state === 'loading' ? (
              <Spinner label={t('moderation.loading')} data-testid="moderation-loading" />
            ) : queue.state === 'error' ? (
              <LoadError
                message="moderation.error"
                error={queue.error}
                onRetry={retry}
                testId="moderation-error"
              />
            ) : !sections || (sections.reported.length === 0 && sections.hidden.length === 0) ? (
              <div className={styles.empty} data-testid="moderation-empty">
                <Subtitle2 as="p" className={styles.emptyText}>
                  {t('moderation.empty')}
                </Subtitle2>
                <Body1 as="p" className={styles.emptyText}>
                  {t('moderation.emptyHint')}
                </Body1>
              </div>
            ) : (
              <>
                {sections.reported.length > 0 ? (
                  <section className={styles.section} aria-labelledby={reportedId}>
                    <h3 id={reportedId} className={styles.sectionHeading}>
                      {t('moderation.reportedHeading')}
                    </h3>
                    {list(sections.reported)}
                  </section>
                ) : null}
                {sections.hidden.length > 0 ? (
                  <section className={styles.section} aria-labelledby={hiddenId}>
                    <h3 id={hiddenId} className={styles.sectionHeading}>
                      {t('moderation.hiddenHeading')}
                    </h3>
                    {list(sections.hidden)}
                  </section>
                ) : null}
              </>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onClose} data-testid="moderation-close">
              {t('moderation.close')}
            </Button>
          </DialogActions>
        </DialogBody>
        {open ? (
          <Suspense fallback={null}>
            <StoryDetail storyId={open.id} initial={open} onClose={() => setOpen(undefined)} />
          </Suspense>
        ) : null}
      </DialogSurface>
    </Dialog>
  );
}
