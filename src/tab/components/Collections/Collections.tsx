import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { CollectionDto } from '../../../shared/dto.js';
import { useAppContext } from '../../appContext.js';
import { useLoad } from '../../hooks/useLoad.js';
import { useT } from '../../hooks/useT.js';
import { CollectionEditor } from './CollectionEditor.js';
import { CollectionList } from './CollectionList.js';
import { CollectionPage, type CollectionPageProps } from './CollectionPage.js';
import { useCollectionsStyles } from './Collections.styles.js';
import { PrintableCollection } from './PrintableCollection.js';

export interface CollectionsProps {
  /** The collection open (its own address, `/collections/<id>`); none: the list. */
  collectionId: string | undefined;
  /** Opens a collection, or the list when undefined. */
  onNavigate: (id: string | undefined) => void;
  onClose: () => void;
  /** The link that opens a collection: a Teams deep link in Teams, its address in a browser. */
  linkTo: (id: string) => string;
}

type Editing = { kind: 'none' } | { kind: 'create' } | { kind: 'edit'; collection: CollectionDto };

/**
 * Training collections (journey 9): the list for everyone, one collection with its stories in
 * order, and for editors and admins creating, editing and deleting them. Printing replaces the
 * dialog with a page for paper.
 */
export function Collections({ collectionId, onNavigate, onClose, linkTo }: CollectionsProps) {
  const styles = useCollectionsStyles();
  const t = useT();
  const { me } = useAppContext();
  const curates = me?.roles.some((role) => role === 'editor' || role === 'admin') ?? false;
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const [printing, setPrinting] = useState<CollectionDto | null>(null);
  const closePrint = useCallback(() => setPrinting(null), []);

  if (printing) return <PrintableCollection collection={printing} onClose={closePrint} />;

  const heading =
    editing.kind === 'create'
      ? t('collections.editor.createHeading')
      : editing.kind === 'edit'
        ? t('collections.editor.editHeading')
        : t('collections.heading');

  return (
    <Dialog open onOpenChange={(_, data) => (data.open ? undefined : onClose())}>
      <DialogSurface className={styles.surface} data-testid="collections">
        <DialogBody>
          <DialogTitle>{heading}</DialogTitle>
          <DialogContent className={styles.content}>
            {editing.kind !== 'none' ? (
              <CollectionEditor
                {...(editing.kind === 'edit' ? { collection: editing.collection } : {})}
                onSaved={(id) => {
                  setEditing({ kind: 'none' });
                  onNavigate(id);
                }}
                onCancel={() => setEditing({ kind: 'none' })}
              />
            ) : collectionId ? (
              <OpenCollection
                key={collectionId}
                id={collectionId}
                curates={curates}
                link={linkTo(collectionId)}
                onBack={() => onNavigate(undefined)}
                onEdit={(collection) => setEditing({ kind: 'edit', collection })}
                onPrint={setPrinting}
                onDeleted={() => onNavigate(undefined)}
              />
            ) : (
              <>
                <Body1 as="p" className={styles.intro}>
                  {t('collections.intro')}
                </Body1>
                <CollectionList
                  curates={curates}
                  onOpen={onNavigate}
                  onCreate={() => setEditing({ kind: 'create' })}
                />
              </>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onClose} data-testid="collections-close">
              {t('collections.close')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function OpenCollection({
  id,
  ...props
}: { id: string } & Omit<CollectionPageProps, 'load' | 'retry'>) {
  const { api } = useAppContext();
  const read = useCallback((signal: AbortSignal) => api.collection(id, signal), [api, id]);
  const { load, reload } = useLoad(read);
  return <CollectionPage load={load} retry={reload} {...props} />;
}
