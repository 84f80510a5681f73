import { makeStyles, tokens } from '@fluentui/react-components';

export const useInsightsStyles = makeStyles({
  surface: {
    maxWidth: 'min(calc(100vw - 2rem), 64rem)',
  },
  content: {
    display: 'grid',
    gap: tokens.spacingVerticalL,
  },
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalL,
  },
  intro: {
    margin: 0,
    color: tokens.colorNeutralForeground2,
  },
  summary: {
    display: 'grid',
    gap: tokens.spacingVerticalXXS,
  },
  total: {
    margin: 0,
  },
  lag: {
    margin: 0,
    color: tokens.colorNeutralForeground3,
  },
  charts: {
    display: 'grid',
    gap: tokens.spacingVerticalXL,
  },
  section: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  sectionHeading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  note: {
    margin: 0,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  chart: {
    minWidth: 0,
    width: '100%',
  },
  // The chart sizes its label margin from a lighter font than it draws the labels in, and clips
  // its root: a long team name lost its first letters. It may run over into this padding instead.
  labelledChart: {
    minWidth: 0,
    boxSizing: 'border-box',
    paddingLeft: tokens.spacingHorizontalM,
    '& .fui-cart__root, & .fui-cart__chart': {
      overflow: 'visible',
    },
  },
  // The charts' legend capitalises every word; category names are written as the locale has them.
  legend: {
    textTransform: 'none',
  },
  table: {
    marginBottom: tokens.spacingVerticalL,
  },
  caption: {
    textAlign: 'start',
    paddingBottom: tokens.spacingVerticalS,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  countCell: {
    textAlign: 'end',
    fontVariantNumeric: 'tabular-nums',
  },
  empty: {
    display: 'grid',
    justifyItems: 'center',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXL}`,
    textAlign: 'center',
    color: tokens.colorNeutralForeground2,
  },
  emptyText: {
    margin: 0,
  },
});
