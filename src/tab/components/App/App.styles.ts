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
  // What shows instead of a part of the tab that failed (Failure.tsx): only the main bundle's
  // parts, as the failure may be that the other chunks are gone.
  failure: {
    position: 'relative',
    boxSizing: 'border-box',
    maxWidth: '32rem',
    margin: tokens.spacingHorizontalL,
    padding: tokens.spacingHorizontalXL,
    display: 'grid',
    gap: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusXLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusDangerBorder1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow28,
  },
  failureStopped: {
    margin: '0 auto',
    boxShadow: tokens.shadow4,
  },
  failureTitle: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  failureHint: {
    margin: 0,
  },
  // Focus stops that send Tab round the failure's buttons; out of its grid.
  focusStop: {
    position: 'absolute',
    width: 0,
    height: 0,
    overflow: 'hidden',
  },
  failureActions: {
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'flex-end',
    gap: tokens.spacingHorizontalS,
  },
});
