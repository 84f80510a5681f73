import { makeStyles, tokens } from '@fluentui/react-components';
import { metaRow } from '../StoryMeta/StoryMeta.styles.js';

export const useStoryDetailStyles = makeStyles({
  content: {
    display: 'grid',
    gap: tokens.spacingVerticalL,
  },
  byline: metaRow,
  author: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
});
