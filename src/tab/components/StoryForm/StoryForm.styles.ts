import { makeStyles, tokens } from '@fluentui/react-components';

export const useStoryFormStyles = makeStyles({
  surface: {
    // Wider than the default dialog: the form has long texts side by side on wide screens.
    maxWidth: 'min(calc(100vw - 2rem), 48rem)',
  },
  content: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
  },
  intro: {
    margin: 0,
    color: tokens.colorNeutralForeground2,
  },
  // The approver's words as they wrote them: line breaks kept, long words wrapped.
  comment: {
    display: 'block',
    whiteSpace: 'pre-line',
    overflowWrap: 'anywhere',
  },
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 16rem), 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  hint: {
    display: 'flex',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
  },
  counter: {
    marginLeft: 'auto',
    flexShrink: 0,
    fontVariantNumeric: 'tabular-nums',
  },
  counterOver: {
    color: tokens.colorPaletteRedForeground1,
  },
  // The fields where the personal data check found something, one per line.
  findings: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    paddingInlineStart: tokens.spacingHorizontalXL,
  },
});
