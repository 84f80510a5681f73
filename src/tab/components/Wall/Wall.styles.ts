import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * Layout widths are in `rem` so they follow the user's text size; the design tokens have
 * spacing but no column widths. Cards stay readable from one column on a phone to four on a
 * wide monitor.
 */
const CARD_MIN_WIDTH = '22rem';
const FILTER_MIN_WIDTH = '11rem';

export const useWallStyles = makeStyles({
  root: {
    display: 'grid',
    gap: tokens.spacingVerticalL,
  },
  filters: {
    display: 'grid',
    gridTemplateColumns: `repeat(auto-fit, minmax(min(100%, ${FILTER_MIN_WIDTH}), 1fr))`,
    alignItems: 'end',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
  },
  /**
   * Fluent's inputs and dropdowns bring their own minimum widths (a dropdown 250px), wider than
   * a column of the row: each control fills its own field and never reaches into the next.
   */
  control: {
    boxSizing: 'border-box',
    width: '100%',
    minWidth: 0,
    maxWidth: '100%',
  },
  clear: {
    justifySelf: 'start',
  },
  summary: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    minHeight: tokens.lineHeightBase400,
  },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  count: {
    color: tokens.colorNeutralForeground3,
  },
  total: {
    marginInlineStart: 'auto',
    color: tokens.colorNeutralForeground2,
  },
  grid: {
    display: 'grid',
    gridTemplateColumns: `repeat(auto-fill, minmax(min(100%, ${CARD_MIN_WIDTH}), 1fr))`,
    gap: tokens.spacingHorizontalL,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  item: {
    display: 'flex',
    minWidth: 0,
  },
  busy: {
    opacity: 0.6,
  },
  skeletonCard: {
    width: '100%',
    display: 'grid',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  skeletonRow: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
  },
  empty: {
    display: 'grid',
    justifyItems: 'center',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalXXL}`,
    textAlign: 'center',
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground2,
  },
  more: {
    display: 'grid',
    justifyItems: 'center',
    gap: tokens.spacingVerticalS,
  },
});
