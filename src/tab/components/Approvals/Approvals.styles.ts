import { makeStyles, tokens } from '@fluentui/react-components';
import { storyListStyles } from '../storyListStyles.js';

export const useApprovalsStyles = makeStyles({
  surface: {
    maxWidth: 'min(calc(100vw - 2rem), 52rem)',
  },
  list: {
    display: 'grid',
    gap: tokens.spacingVerticalL,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  item: storyListStyles.item,
  article: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
  },
  header: {
    display: 'grid',
    gap: tokens.spacingVerticalXXS,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
  dialogContent: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
  },
  dialogIntro: {
    margin: 0,
    color: tokens.colorNeutralForeground2,
  },
  empty: {
    margin: 0,
    padding: tokens.spacingVerticalXL,
    textAlign: 'center',
    color: tokens.colorNeutralForeground2,
  },
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
  },
  toolbarGroup: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  content: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
  },
  itemHeader: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
  },
  headerText: {
    display: 'grid',
    gap: tokens.spacingVerticalXXS,
    minWidth: 0,
    flexGrow: 1,
  },
  progress: {
    display: 'grid',
    gap: tokens.spacingVerticalXXS,
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  progressRow: {
    display: 'grid',
    gridTemplateColumns: 'minmax(8rem, max-content) 1fr',
    columnGap: tokens.spacingHorizontalM,
  },
  progressTerm: {
    color: tokens.colorNeutralForeground2,
  },
  progressValue: {
    margin: 0,
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    columnGap: tokens.spacingHorizontalS,
    overflowWrap: 'anywhere',
  },
  progressNote: {
    color: tokens.colorNeutralForeground2,
  },
  failures: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    paddingLeft: tokens.spacingHorizontalL,
  },
});
