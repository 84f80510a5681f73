import { makeStyles, tokens } from '@fluentui/react-components';

export const useRelativeTimeStyles = makeStyles({
  root: {
    textDecorationLine: 'underline',
    textDecorationStyle: 'dotted',
    textUnderlineOffset: tokens.spacingVerticalXXS,
    cursor: 'help',
    borderRadius: tokens.borderRadiusSmall,
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    },
  },
});
