import { makeStyles, tokens } from '@fluentui/react-components';

export const useDelegationStyles = makeStyles({
  surface: {
    maxWidth: 'min(calc(100vw - 2rem), 36rem)',
  },
  content: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
  },
  intro: {
    margin: 0,
    color: tokens.colorNeutralForeground2,
  },
  form: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  formHeading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  actions: {
    display: 'flex',
    justifyContent: 'flex-end',
  },
});
