import { Badge } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { StoryDto } from '../../../shared/dto.js';
import { useCategoryLabel } from '../StoryCard/StoryCard.js';
import { useStoryMetaStyles } from './StoryMeta.styles.js';

export interface StoryMetaProps {
  story: StoryDto;
  /** What follows the badges: a status, a date, who submitted it. */
  children?: ReactNode;
}

/** A story's category and team badges in a row, as the dialogs show them above the story. */
export function StoryMeta({ story, children }: StoryMetaProps) {
  const styles = useStoryMetaStyles();
  const categoryLabel = useCategoryLabel();
  return (
    <div className={styles.root}>
      <Badge appearance="tint" color="brand">
        {categoryLabel(story.category)}
      </Badge>
      <Badge appearance="outline" color="informative">
        {story.team}
      </Badge>
      {children}
    </div>
  );
}
