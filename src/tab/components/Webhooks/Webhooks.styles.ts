import { makeStyles, tokens } from '@fluentui/react-components';

export const useWebhooksStyles = makeStyles({
  // Wide enough for the list's columns, as Settings is.
  surface: {
    maxWidth: 'min(calc(100vw - 2rem), 56rem)',
  },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  events: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM },
  problem: { display: 'block', color: tokens.colorPaletteRedForeground1 },
  verify: { margin: `${tokens.spacingVerticalXS} 0 0` },
  // Addresses are long and have no spaces: they may break anywhere.
  address: { overflowWrap: 'anywhere' },
  note: {
    display: 'block',
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  // The list's short columns, so that the address, the events and the actions get the room.
  statusColumn: { width: '7rem' },
  addedColumn: { width: '8rem' },
  actionsColumn: { width: '16rem' },
  toolbar: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
  },
  intro: { margin: 0 },
});
