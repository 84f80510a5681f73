import { makeStyles, tokens } from '@fluentui/react-components';

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
  item: {
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
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
});
