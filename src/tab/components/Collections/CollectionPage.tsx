import {
  Body1,
  Button,
  Caption1,
  Menu,
  MenuButton,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Spinner,
  Subtitle2,
  useId,
} from '@fluentui/react-components';
import {
  ArrowDownloadRegular,
  ArrowLeftRegular,
  DeleteRegular,
  EditRegular,
  LinkRegular,
  PrintRegular,
} from '@fluentui/react-icons';
import { useState } from 'react';
import type { CollectionDto, CollectionExportFormatDto } from '../../../shared/dto.js';
import { ApiError } from '../../api/client.js';
import { useAppContext } from '../../appContext.js';
import { saveFile } from '../../download.js';
import { errorKey } from '../../errors.js';
import { personName } from '../../format.js';
import type { Load } from '../../hooks/useLoad.js';
import { useNotify } from '../../hooks/useNotify.js';
import { useT } from '../../hooks/useT.js';
import { LoadError } from '../LoadError/LoadError.js';
import { ConfirmDialog } from '../ConfirmDialog/ConfirmDialog.js';
import { StoryContent } from '../StoryCard/StoryContent.js';
import { StoryMeta } from '../StoryMeta/StoryMeta.js';
import { useCollectionsStyles } from './Collections.styles.js';

export interface CollectionPageProps {
  load: Load<CollectionDto>;
  retry: () => void;
  curates: boolean;
  /** The address that opens this collection (a Teams deep link in Teams). */
  link: string;
  onBack: () => void;
  onEdit: (collection: CollectionDto) => void;
  onPrint: (collection: CollectionDto) => void;
  onDeleted: () => void;
}

/**
 * One collection: its title, description and stories in order, each told in full. Everyone may
 * export it, print it and copy its link; editors and admins may edit or delete it.
 */
export function CollectionPage(props: CollectionPageProps) {
  const { load, retry, onBack } = props;
  const styles = useCollectionsStyles();
  const t = useT();
  const notFound =
    load.state === 'error' && load.error instanceof ApiError && load.error.code === 'not_found';

  return (
    <>
      <div className={styles.toolbar}>
        <Button
          appearance="subtle"
          icon={<ArrowLeftRegular />}
          onClick={onBack}
          data-testid="collection-back"
        >
          {t('collections.back')}
        </Button>
      </div>
      {load.state === 'loading' ? (
        <Spinner label={t('collections.pageLoading')} data-testid="collection-loading" />
      ) : load.state === 'error' ? (
        <LoadError
          message={notFound ? 'collections.notFound' : 'collections.pageError'}
          error={load.error}
          onRetry={retry}
          testId="collection-error"
          showReason={!notFound}
        />
      ) : (
        <Loaded {...props} collection={load.value} />
      )}
    </>
  );
}

function Loaded({
  collection,
  curates,
  link,
  onEdit,
  onPrint,
  onDeleted,
}: CollectionPageProps & { collection: CollectionDto }) {
  const styles = useCollectionsStyles();
  const t = useT();
  const notify = useNotify();
  const { api } = useAppContext();
  const headingId = useId('collection-heading');
  const [exporting, setExporting] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const count = collection.stories.length;

  async function download(format: CollectionExportFormatDto) {
    if (exporting) return;
    setExporting(true);
    try {
      const file = await api.exportCollection(collection.id, format);
      saveFile(file.text, file.fileName, file.type);
      notify({ title: t('exports.done', { file: file.fileName }), intent: 'success' });
    } catch (error) {
      notify({ title: t('exports.failed'), body: t(errorKey(error)), intent: 'error' });
    } finally {
      setExporting(false);
    }
  }

  async function copyLink() {
    try {
      await navigator.clipboard.writeText(link);
      notify({
        title: t('collections.linkCopied'),
        body: t('collections.linkCopiedBody'),
        intent: 'success',
      });
    } catch {
      // The host may not allow the clipboard: the link is shown to copy by hand.
      notify({ title: t('collections.linkNotCopied'), body: link, intent: 'warning' });
    }
  }

  async function remove() {
    setDeleting(true);
    try {
      await api.deleteCollection(collection.id);
      notify({ title: t('collections.deleted'), intent: 'success' });
      onDeleted();
    } catch (error) {
      notify({ title: t('collections.deleteFailed'), body: t(errorKey(error)), intent: 'error' });
      setDeleting(false);
      setConfirmDelete(false);
    }
  }

  return (
    <article aria-labelledby={headingId} data-testid="collection-page" className={styles.content}>
      <div className={styles.form}>
        <h3 id={headingId} className={styles.itemTitle} data-testid="collection-title">
          {collection.title}
        </h3>
        {collection.description ? (
          <p className={styles.text} data-testid="collection-description">
            {collection.description}
          </p>
        ) : null}
        <Caption1 className={styles.muted}>{t('collections.stories', { count })}</Caption1>
      </div>
      <div className={styles.toolbar} role="toolbar" aria-label={collection.title}>
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <MenuButton
              appearance="secondary"
              icon={exporting ? <Spinner size="tiny" /> : <ArrowDownloadRegular />}
              disabledFocusable={exporting}
              data-testid="collection-export"
            >
              {t('collections.export')}
            </MenuButton>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem onClick={() => void download('md')} data-testid="collection-export-md">
                {t('collections.exportMarkdown')}
              </MenuItem>
              <MenuItem onClick={() => void download('csv')} data-testid="collection-export-csv">
                {t('collections.exportCsv')}
              </MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
        <Button
          appearance="secondary"
          icon={<PrintRegular />}
          onClick={() => onPrint(collection)}
          data-testid="collection-print"
        >
          {t('collections.print')}
        </Button>
        <Button
          appearance="secondary"
          icon={<LinkRegular />}
          onClick={() => void copyLink()}
          data-testid="collection-copy-link"
        >
          {t('collections.copyLink')}
        </Button>
        {curates ? (
          <>
            <Button
              appearance="secondary"
              icon={<EditRegular />}
              onClick={() => onEdit(collection)}
              data-testid="collection-edit"
            >
              {t('collections.edit')}
            </Button>
            <Button
              appearance="secondary"
              icon={<DeleteRegular />}
              onClick={() => setConfirmDelete(true)}
              data-testid="collection-delete"
            >
              {t('collections.delete')}
            </Button>
          </>
        ) : null}
      </div>
      {count === 0 ? (
        <div className={styles.empty} data-testid="collection-empty">
          <Subtitle2 as="p" className={styles.emptyText}>
            {t('collections.pageEmpty')}
          </Subtitle2>
          <Body1 as="p" className={styles.emptyText}>
            {t('collections.pageEmptyHint')}
          </Body1>
        </div>
      ) : (
        <ol className={styles.list} aria-labelledby={headingId}>
          {collection.stories.map((story, index) => (
            <li
              key={story.id}
              className={styles.item}
              data-testid="collection-story"
              data-story-id={story.id}
            >
              <Caption1 className={styles.position}>
                {t('collections.position', { position: index + 1, count })}
              </Caption1>
              <h4 className={styles.itemTitle} data-testid="collection-story-title">
                {story.title}
              </h4>
              <StoryMeta story={story}>
                <Caption1 className={styles.muted}>
                  {t('collections.by', { name: personName(story.author, t) })}
                </Caption1>
              </StoryMeta>
              <StoryContent story={story} clamped={false} />
            </li>
          ))}
        </ol>
      )}
      {confirmDelete ? (
        <ConfirmDialog
          title={t('collections.deleteConfirm.title')}
          body={t('collections.deleteConfirm.body', { title: collection.title })}
          confirmLabel={t('collections.deleteConfirm.confirm')}
          cancelLabel={t('collections.deleteConfirm.cancel')}
          busy={deleting}
          onConfirm={() => void remove()}
          onCancel={() => setConfirmDelete(false)}
          testId="collection-delete-confirm"
        />
      ) : null}
    </article>
  );
}
