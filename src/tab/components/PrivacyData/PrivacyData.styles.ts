import { makeStyles, tokens } from '@fluentui/react-components';

export const usePrivacyDataStyles = makeStyles({
  surface: {
    maxWidth: 'min(calc(100vw - 2rem), 40rem)',
  },
  content: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
  },
  intro: {
    margin: 0,
    color: tokens.colorNeutralForeground2,
  },
  receipt: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
  },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    '& th, & td': {
      textAlign: 'start',
      verticalAlign: 'top',
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
  },
  ids: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    wordBreak: 'break-all',
  },
});
