import { makeStaticStyles, makeStyles, tokens } from '@fluentui/react-components';

export const useCollectionsStyles = makeStyles({
  surface: {
    maxWidth: 'min(calc(100vw - 2rem), 52rem)',
  },
  content: {
    display: 'grid',
    gap: tokens.spacingVerticalL,
  },
  intro: {
    margin: 0,
    color: tokens.colorNeutralForeground2,
  },
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  list: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  item: {
    display: 'grid',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  itemTitle: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  text: {
    margin: 0,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  },
  muted: {
    margin: 0,
    color: tokens.colorNeutralForeground3,
  },
  position: {
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorBrandForeground2,
  },
  empty: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalXL,
    textAlign: 'center',
  },
  emptyText: {
    margin: 0,
  },
  form: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
  },
  sectionHeading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  rowTitle: {
    flexGrow: 1,
    flexBasis: '12rem',
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

export const usePrintStyles = makeStyles({
  page: {
    position: 'fixed',
    inset: 0,
    overflowY: 'auto',
    zIndex: 1000000,
    padding: tokens.spacingHorizontalXXXL,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  article: {
    maxWidth: '48rem',
    marginInline: 'auto',
    display: 'grid',
    gap: tokens.spacingVerticalL,
  },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
  },
  story: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    breakInside: 'avoid-page',
    paddingTop: tokens.spacingVerticalL,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  storyTitle: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
  },
});

/**
 * When the print page is open, printing shows it alone: everything else on the page (the tab,
 * its dialogs) is left out, and the page flows over paper instead of scrolling. Static styles
 * stay once added, so the rule holds only while a print page is in the body (`:has`): printing
 * the tab later prints the tab.
 */
export const usePrintPageStatics = makeStaticStyles(`
@media print {
  body:has(> [data-print-page]) > :not([data-print-page]) { display: none !important; }
  [data-print-page] { position: static !important; overflow: visible !important; padding: 0 !important; }
  [data-print-hide] { display: none !important; }
}
`);
