import { makeStyles, tokens } from '@fluentui/react-components';

export const useHistoryStyles = makeStyles({
  root: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  empty: {
    margin: 0,
    color: tokens.colorNeutralForeground2,
  },
  list: {
    display: 'grid',
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  event: {
    display: 'grid',
    gridTemplateColumns: `${tokens.spacingHorizontalL} 1fr`,
    columnGap: tokens.spacingHorizontalS,
    position: 'relative',
    paddingBottom: tokens.spacingVerticalM,
    // The line that joins the markers, from this event down to the next.
    '::before': {
      content: '""',
      position: 'absolute',
      top: tokens.spacingVerticalL,
      bottom: 0,
      left: `calc(${tokens.spacingHorizontalL} / 2 - ${tokens.strokeWidthThin} / 2)`,
      borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
    ':last-child::before': {
      display: 'none',
    },
  },
  marker: {
    width: tokens.spacingHorizontalM,
    height: tokens.spacingHorizontalM,
    marginTop: tokens.spacingVerticalXS,
    justifySelf: 'center',
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  neutral: {},
  good: {
    border: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteGreenBorderActive}`,
    backgroundColor: tokens.colorPaletteGreenBackground2,
  },
  bad: {
    border: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteRedBorderActive}`,
    backgroundColor: tokens.colorPaletteRedBackground2,
  },
  warn: {
    border: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteMarigoldBorderActive}`,
    backgroundColor: tokens.colorPaletteMarigoldBackground2,
  },
  body: {
    display: 'grid',
    gap: tokens.spacingVerticalXXS,
    minWidth: 0,
  },
  line: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
  },
  title: {
    fontWeight: tokens.fontWeightSemibold,
  },
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalXS,
    color: tokens.colorNeutralForeground2,
  },
  detail: {
    overflowWrap: 'anywhere',
  },
  comment: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground2,
    whiteSpace: 'pre-line',
    overflowWrap: 'anywhere',
  },
});
