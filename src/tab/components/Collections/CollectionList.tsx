import { Body1, Button, Caption1, Link, Subtitle2 } from '@fluentui/react-components';
import { useCallback } from 'react';
import type { CollectionSummaryDto } from '../../../shared/dto.js';
import { useAppContext } from '../../appContext.js';
import { formatDate } from '../../format.js';
import { useLoad } from '../../hooks/useLoad.js';
import { useT } from '../../hooks/useT.js';
import { collectionPath } from '../../route.js';
import { useCollectionsStyles } from './Collections.styles.js';
import { Loaded } from '../LoadError/Loaded.js';

export interface CollectionListProps {
  curates: boolean;
  onOpen: (id: string) => void;
  onCreate: () => void;
}

/** Every collection of the team, the last changed first; editors and admins may add one. */
export function CollectionList({ curates, onOpen, onCreate }: CollectionListProps) {
  const styles = useCollectionsStyles();
  const t = useT();
  const { api, language } = useAppContext();
  const read = useCallback((signal: AbortSignal) => api.collections(signal), [api]);
  const { load, reload } = useLoad(read);

  return (
    <>
      {curates ? (
        <div className={styles.toolbar}>
          <Button appearance="primary" onClick={onCreate} data-testid="collection-create">
            {t('collections.create')}
          </Button>
        </div>
      ) : null}
      <Loaded
        load={load}
        loading="collections.loading"
        loadError="collections.error"
        onRetry={reload}
        testIds={{ loading: 'collections-loading', error: 'collections-error' }}
      >
        {(value) =>
          value.items.length === 0 ? (
            <div className={styles.empty} data-testid="collections-empty">
              <Subtitle2 as="p" className={styles.emptyText}>
                {t('collections.empty')}
              </Subtitle2>
              <Body1 as="p" className={styles.emptyText}>
                {curates ? t('collections.emptyEditorHint') : t('collections.emptyHint')}
              </Body1>
            </div>
          ) : (
            <ul className={styles.list} data-testid="collections-list">
              {value.items.map((item) => (
                <Item key={item.id} item={item} language={language} onOpen={onOpen} />
              ))}
            </ul>
          )
        }
      </Loaded>
    </>
  );
}

function Item({
  item,
  language,
  onOpen,
}: {
  item: CollectionSummaryDto;
  language: string;
  onOpen: (id: string) => void;
}) {
  const styles = useCollectionsStyles();
  const t = useT();
  return (
    <li className={styles.item} data-testid="collection-item" data-collection-id={item.id}>
      <h3 className={styles.itemTitle}>
        <Link
          href={collectionPath(item.id)}
          onClick={(event) => {
            event.preventDefault();
            onOpen(item.id);
          }}
          data-testid="collection-open"
        >
          {item.title}
        </Link>
      </h3>
      {item.description ? <p className={styles.text}>{item.description}</p> : null}
      <Caption1 className={styles.muted}>
        {t('collections.stories', { count: item.storyCount })} ·{' '}
        {t('collections.updated', { date: formatDate(item.updatedAt, language) })}
      </Caption1>
    </li>
  );
}
