import { Body1, Button, Caption1 } from '@fluentui/react-components';
import { ArrowLeftRegular, PrintRegular } from '@fluentui/react-icons';
import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import type { CollectionDto } from '../../../shared/dto.js';
import { personName } from '../../format.js';
import { useT } from '../../hooks/useT.js';
import { StoryContent } from '../StoryCard/StoryContent.js';
import { StoryMeta } from '../StoryMeta/StoryMeta.js';
import { usePrintPageStatics, usePrintStyles } from './Collections.styles.js';

export interface PrintableCollectionProps {
  collection: CollectionDto;
  onClose: () => void;
}

/**
 * A collection as a page for paper: the title, the description and every story in full, in
 * order, one after the other. It covers the tab while open; printing shows it alone (the print
 * stylesheet of `usePrintPageStatics`), and the browser's print dialog opens at once.
 */
export function PrintableCollection({ collection, onClose }: PrintableCollectionProps) {
  usePrintPageStatics();
  const styles = usePrintStyles();
  const t = useT();
  const actions = useRef<HTMLDivElement>(null);

  useEffect(() => {
    actions.current?.querySelector('button')?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    // After the page has painted, so the print preview has the stories in it.
    const timer = setTimeout(() => window.print(), 300);
    return () => {
      document.removeEventListener('keydown', onKey);
      clearTimeout(timer);
    };
  }, [onClose]);

  return createPortal(
    <div className={styles.page} data-print-page="" data-testid="collection-print-page">
      <article className={styles.article}>
        <div ref={actions} className={styles.actions} data-print-hide="">
          <Button icon={<ArrowLeftRegular />} onClick={onClose}>
            {t('collections.printBack')}
          </Button>
          <Button appearance="primary" icon={<PrintRegular />} onClick={() => window.print()}>
            {t('collections.print')}
          </Button>
          <Caption1>{t('collections.printHint')}</Caption1>
        </div>
        <h1 className={styles.heading}>{collection.title}</h1>
        {collection.description ? <Body1 as="p">{collection.description}</Body1> : null}
        {collection.stories.map((story, index) => (
          <section key={story.id} className={styles.story}>
            <h2 className={styles.storyTitle}>
              {index + 1}. {story.title}
            </h2>
            <StoryMeta story={story}>
              <Caption1>{t('collections.by', { name: personName(story.author, t) })}</Caption1>
            </StoryMeta>
            <StoryContent story={story} clamped={false} />
          </section>
        ))}
      </article>
    </div>,
    document.body,
  );
}
