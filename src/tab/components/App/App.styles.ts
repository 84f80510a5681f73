import { makeStyles, tokens } from '@fluentui/react-components';

/** Content stops growing on very wide screens; `rem` follows the user's text size. */
const CONTENT_MAX_WIDTH = '100rem';
const NARROW_SCREEN = '@media (max-width: 40rem)';

export const useAppStyles = makeStyles({
  // On a div inside the FluentProvider, not on the provider: Fluent copies the provider's
  // classes onto every portal mount node (menus, dialogs), which would then cover the page.
  page: {
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    // Sticky only where there is room: on a phone the header would eat a third of the screen.
    [NARROW_SCREEN]: {
      position: 'static',
    },
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    boxShadow: tokens.shadow2,
  },
  headerInner: {
    boxSizing: 'border-box',
    maxWidth: CONTENT_MAX_WIDTH,
    margin: '0 auto',
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXXL}`,
    [NARROW_SCREEN]: {
      padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    },
  },
  // A channel tab: Teams' own header is right above, so ours takes less height.
  headerCompact: {
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    [NARROW_SCREEN]: {
      paddingTop: tokens.spacingVerticalS,
      paddingBottom: tokens.spacingVerticalS,
    },
  },
  brand: {
    display: 'grid',
    minWidth: 0,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  tagline: {
    color: tokens.colorNeutralForeground3,
  },
  actions: {
    marginLeft: 'auto',
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
  main: {
    boxSizing: 'border-box',
    maxWidth: CONTENT_MAX_WIDTH,
    margin: '0 auto',
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`,
    [NARROW_SCREEN]: {
      padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalM}`,
    },
  },
  notice: {
    marginBottom: tokens.spacingVerticalL,
  },
  pending: {
    position: 'fixed',
    inset: 0,
    zIndex: 2,
    display: 'grid',
    placeItems: 'center',
    backgroundColor: tokens.colorBackgroundOverlay,
  },
});
