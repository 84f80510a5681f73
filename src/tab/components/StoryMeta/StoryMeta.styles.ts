import { makeStyles, tokens, type GriffelStyle } from '@fluentui/react-components';

/** A wrapping row of small, quiet details; the detail view's byline row looks the same. */
export const metaRow: GriffelStyle = {
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'center',
  gap: tokens.spacingHorizontalS,
  color: tokens.colorNeutralForeground3,
};

export const useStoryMetaStyles = makeStyles({
  root: metaRow,
});
