import { makeStyles, tokens } from '@fluentui/react-components';
import { excerptStyle, storyListStyles } from '../storyListStyles.js';

export const useModerationStyles = makeStyles({
  ...storyListStyles,
  excerpt: excerptStyle(3),
  surface: {
    maxWidth: 'min(calc(100vw - 2rem), 56rem)',
  },
  content: {
    display: 'grid',
    gap: tokens.spacingVerticalL,
  },
  intro: {
    margin: 0,
    color: tokens.colorNeutralForeground2,
  },
  section: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
  },
  sectionHeading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  reports: {
    display: 'grid',
    gap: tokens.spacingVerticalXS,
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
  },
  reason: {
    whiteSpace: 'pre-line',
    overflowWrap: 'anywhere',
  },
  reporter: {
    display: 'block',
    color: tokens.colorNeutralForeground3,
  },
  dialogContent: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
  },
  dialogIntro: {
    margin: 0,
  },
});
