import { makeStyles, tokens } from '@fluentui/react-components';
import { excerptStyle, storyListStyles } from '../storyListStyles.js';

export const useMyStoriesStyles = makeStyles({
  ...storyListStyles,
  excerpt: excerptStyle(2),
  surface: {
    maxWidth: 'min(calc(100vw - 2rem), 52rem)',
  },
  content: {
    display: 'grid',
    gap: tokens.spacingVerticalL,
  },
  comment: {
    display: 'block',
    whiteSpace: 'pre-line',
    overflowWrap: 'anywhere',
  },
  more: {
    display: 'grid',
    justifyItems: 'center',
    gap: tokens.spacingVerticalS,
  },
});
