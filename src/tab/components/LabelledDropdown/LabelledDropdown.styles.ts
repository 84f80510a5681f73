import { makeStyles, tokens } from '@fluentui/react-components';

export const useLabelledDropdownStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  label: {
    whiteSpace: 'nowrap',
    color: tokens.colorNeutralForeground2,
  },
  dropdown: {
    minWidth: 'auto',
  },
});
