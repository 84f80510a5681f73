import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
  Textarea,
  useId,
} from '@fluentui/react-components';
import {
  AddRegular,
  ArrowDownRegular,
  ArrowUpRegular,
  DismissRegular,
  SearchRegular,
} from '@fluentui/react-icons';
import { useCallback, useState } from 'react';
import { LIMITS, type CollectionDto, type StoryDto } from '../../../shared/dto.js';
import { ApiError } from '../../api/client.js';
import { useAppContext } from '../../appContext.js';
import { config } from '../../config.js';
import { errorKey } from '../../errors.js';
import { useDebouncedValue } from '../../hooks/useDebouncedValue.js';
import { useNotify } from '../../hooks/useNotify.js';
import { useLoad } from '../../hooks/useLoad.js';
import { useT } from '../../hooks/useT.js';
import { useCollectionsStyles } from './Collections.styles.js';
import { moveItem, withoutStory } from './collectionsModel.js';

export interface CollectionEditorProps {
  /** The collection as read, to edit; absent: a new one. */
  collection?: CollectionDto;
  onSaved: (id: string) => void;
  onCancel: () => void;
}

/**
 * Creates or edits a collection: title, description, and its stories in order — added by
 * searching the wall, moved with "Move up" and "Move down", removed with "Remove". Every action is
 * a button (no dragging), and each change is announced to screen readers.
 */
export function CollectionEditor({ collection, onSaved, onCancel }: CollectionEditorProps) {
  const styles = useCollectionsStyles();
  const t = useT();
  const notify = useNotify();
  const { api } = useAppContext();
  const [title, setTitle] = useState(collection?.title ?? '');
  const [description, setDescription] = useState(collection?.description ?? '');
  const [stories, setStories] = useState<StoryDto[]>(() => [...(collection?.stories ?? [])]);
  const [announcement, setAnnouncement] = useState('');
  const [titleError, setTitleError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  const [query, setQuery] = useState('');
  const q = useDebouncedValue(query.trim(), config.filterDebounceMs);
  const storiesHeadingId = useId('collection-stories');
  const full = stories.length >= LIMITS.collectionStories.max;

  const readSearch = useCallback(
    (signal: AbortSignal) => api.wall({ limit: 10, ...(q ? { q } : {}) }, signal),
    [api, q],
  );
  const { load: search } = useLoad(readSearch);

  const move = useCallback(
    (index: number, by: -1 | 1) => {
      const story = stories[index];
      const target = index + by;
      if (!story || target < 0 || target >= stories.length) return;
      setStories(moveItem(stories, index, by));
      setAnnouncement(t('collections.editor.moved', { title: story.title, position: target + 1 }));
    },
    [stories, t],
  );

  function add(story: StoryDto) {
    if (full || stories.some((s) => s.id === story.id)) return;
    setStories([...stories, story]);
    setAnnouncement(
      t('collections.editor.added', { title: story.title, position: stories.length + 1 }),
    );
  }

  function remove(story: StoryDto) {
    setStories(withoutStory(stories, story.id));
    setAnnouncement(t('collections.editor.removed', { title: story.title }));
  }

  async function save() {
    if (saving) return;
    const trimmed = title.trim();
    if (trimmed.length < LIMITS.collectionTitle.min) {
      setTitleError(t('collections.editor.titleRequired'));
      return;
    }
    setTitleError(undefined);
    setFailure(undefined);
    setSaving(true);
    const input = {
      title: trimmed,
      description: description.trim(),
      storyIds: stories.map((story) => story.id),
    };
    try {
      const saved = collection
        ? await api.saveCollection(collection.id, { ...input, version: collection.version })
        : await api.createCollection(input);
      notify({ title: t('collections.editor.saved'), intent: 'success' });
      onSaved(saved.id);
    } catch (error) {
      setFailure(
        error instanceof ApiError && error.code === 'conflict'
          ? t('collections.editor.conflict')
          : `${t('collections.editor.saveFailed')} ${t(errorKey(error))}`,
      );
      setSaving(false);
    }
  }

  return (
    <form
      className={styles.form}
      data-testid="collection-editor"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Field
        label={t('collections.editor.title')}
        required
        {...(titleError ? { validationMessage: titleError } : {})}
      >
        <Input
          value={title}
          maxLength={LIMITS.collectionTitle.max}
          onChange={(_, data) => setTitle(data.value)}
          data-testid="collection-title-input"
        />
      </Field>
      <Field
        label={t('collections.editor.description')}
        hint={t('collections.editor.descriptionHint')}
      >
        <Textarea
          value={description}
          maxLength={LIMITS.collectionDescription.max}
          resize="vertical"
          onChange={(_, data) => setDescription(data.value)}
          data-testid="collection-description-input"
        />
      </Field>

      <h3 id={storiesHeadingId} className={styles.sectionHeading}>
        {t('collections.editor.storiesHeading')}
      </h3>
      {stories.length === 0 ? (
        <p className={styles.muted}>{t('collections.editor.noStories')}</p>
      ) : (
        <ol className={styles.list} aria-labelledby={storiesHeadingId}>
          {stories.map((story, index) => (
            <li
              key={story.id}
              className={styles.row}
              data-testid="collection-editor-story"
              data-story-id={story.id}
            >
              <span className={styles.position}>{index + 1}.</span>
              <span className={styles.rowTitle}>{story.title}</span>
              <Button
                size="small"
                appearance="subtle"
                icon={<ArrowUpRegular />}
                disabledFocusable={index === 0}
                aria-label={t('collections.editor.moveUpLabel', { title: story.title })}
                title={t('collections.editor.moveUp')}
                onClick={() => move(index, -1)}
                data-testid="collection-move-up"
              />
              <Button
                size="small"
                appearance="subtle"
                icon={<ArrowDownRegular />}
                disabledFocusable={index === stories.length - 1}
                aria-label={t('collections.editor.moveDownLabel', { title: story.title })}
                title={t('collections.editor.moveDown')}
                onClick={() => move(index, 1)}
                data-testid="collection-move-down"
              />
              <Button
                size="small"
                appearance="subtle"
                icon={<DismissRegular />}
                aria-label={t('collections.editor.removeLabel', { title: story.title })}
                title={t('collections.editor.remove')}
                onClick={() => remove(story)}
                data-testid="collection-remove"
              />
            </li>
          ))}
        </ol>
      )}
      <div aria-live="polite" className={styles.visuallyHidden} data-testid="collection-announce">
        {announcement}
      </div>

      <Field label={t('collections.editor.searchLabel')}>
        <Input
          type="search"
          contentBefore={<SearchRegular />}
          value={query}
          placeholder={t('collections.editor.searchPlaceholder')}
          maxLength={LIMITS.q.max}
          onChange={(_, data) => setQuery(data.value)}
          data-testid="collection-search"
        />
      </Field>
      {full ? (
        <p className={styles.muted}>
          {t('collections.editor.full', { max: LIMITS.collectionStories.max })}
        </p>
      ) : null}
      {search.state === 'loading' ? (
        <Spinner size="small" label={t('collections.editor.searching')} />
      ) : search.state === 'error' ? (
        <MessageBar intent="error">
          <MessageBarBody>
            {t('collections.editor.searchError')} {t(errorKey(search.error))}
          </MessageBarBody>
        </MessageBar>
      ) : search.state === 'ready' && search.value.items.length === 0 ? (
        <p className={styles.muted}>{t('collections.editor.noResults')}</p>
      ) : search.state === 'ready' ? (
        <ul className={styles.list} data-testid="collection-search-results">
          {search.value.items.map((story) => {
            const added = stories.some((s) => s.id === story.id);
            return (
              <li
                key={story.id}
                className={styles.row}
                data-testid="collection-search-result"
                data-story-id={story.id}
              >
                <span className={styles.rowTitle}>{story.title}</span>
                <Button
                  size="small"
                  appearance="secondary"
                  icon={<AddRegular />}
                  disabled={added || full}
                  aria-label={
                    added
                      ? `${story.title}: ${t('collections.editor.inCollection')}`
                      : t('collections.editor.addLabel', { title: story.title })
                  }
                  onClick={() => add(story)}
                  data-testid="collection-add"
                >
                  {added ? t('collections.editor.inCollection') : t('collections.editor.add')}
                </Button>
              </li>
            );
          })}
        </ul>
      ) : null}

      {failure ? (
        <MessageBar intent="error" data-testid="collection-save-error">
          <MessageBarBody>{failure}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.toolbar}>
        <Button
          type="submit"
          appearance="primary"
          disabledFocusable={saving}
          icon={saving ? <Spinner size="tiny" /> : null}
          data-testid="collection-save"
        >
          {saving ? t('collections.editor.saving') : t('collections.editor.save')}
        </Button>
        <Button appearance="secondary" onClick={onCancel} data-testid="collection-cancel">
          {t('collections.editor.cancel')}
        </Button>
      </div>
    </form>
  );
}
