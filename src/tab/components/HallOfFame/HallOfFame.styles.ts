import { makeStyles, tokens } from '@fluentui/react-components';

export const useHallOfFameStyles = makeStyles({
  surface: {
    maxWidth: 'min(calc(100vw - 2rem), 52rem)',
  },
  content: {
    display: 'grid',
    gap: tokens.spacingVerticalL,
  },
  intro: {
    margin: 0,
    color: tokens.colorNeutralForeground2,
  },
  list: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  item: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  icon: {
    gridRow: 'span 4',
    fontSize: tokens.fontSizeBase600,
    color: tokens.colorBrandForeground1,
  },
  month: {
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorBrandForeground2,
  },
  title: {
    justifySelf: 'start',
    textAlign: 'start',
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  byline: {
    color: tokens.colorNeutralForeground2,
  },
  citation: {
    margin: 0,
    fontStyle: 'italic',
    color: tokens.colorNeutralForeground2,
    overflowWrap: 'anywhere',
    whiteSpace: 'pre-line',
  },
  empty: {
    display: 'grid',
    justifyItems: 'center',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXL}`,
    textAlign: 'center',
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground2,
  },
  emptyText: {
    margin: 0,
  },
});
