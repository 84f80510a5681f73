import { makeStyles, tokens } from '@fluentui/react-components';
import { metaRow } from '../StoryMeta/StoryMeta.styles.js';

export const useStoryDetailStyles = makeStyles({
  /** A long unbroken word (a URL, a Finnish compound) wraps instead of widening the dialog. */
  title: {
    overflowWrap: 'anywhere',
  },
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
